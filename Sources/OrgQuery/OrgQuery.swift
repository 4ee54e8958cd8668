/// The query language. (Being built.)
public enum OrgQueryModule {}
