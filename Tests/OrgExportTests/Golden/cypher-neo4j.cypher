// Export <fixture> & "quotes": 7 nodes, 11 edges, exported by OrgGraph for neo4j.
// Run with cypher-shell -f FILE, or paste into Neo4j Browser.
CREATE CONSTRAINT orgraph_role_id IF NOT EXISTS FOR (n:Role) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT orgraph_level_id IF NOT EXISTS FOR (n:Level) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT orgraph_expectation_id IF NOT EXISTS FOR (n:Expectation) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT orgraph_competency_id IF NOT EXISTS FOR (n:Competency) REQUIRE n.id IS UNIQUE;
CREATE (:Role {id: 'role:acme/dev', `name`: 'Dev "Ops" & <Infra>', `purpose`: 'Builds things,\nruns them — with a \\ backslash and \'quotes\' 🚀'});
CREATE (:Level {id: 'level:acme/l1', `name`: 'Junior', `code`: 'L1', `rank`: 1});
CREATE (:Level {id: 'level:acme/l2', `name`: 'Senior', `code`: 'L2', `rank`: 2});
CREATE (:Expectation {id: 'expectation:acme/l1/1', `name`: 'I use k8s, "daily".', `source`: 'doc:3', `text`: 'I use k8s, "daily".', `section`: 'Skills'});
CREATE (:Expectation {id: 'expectation:acme/l2/1', `name`: 'I run Kubernetes & mentor <others>.', `source`: 'doc:4', `text`: 'I run Kubernetes & mentor <others>.', `section`: 'Skills'});
CREATE (:Competency {id: 'competency:k8s', `name`: 'Kubernetes', `area`: 'Infrastructure', `aliases`: ['k8s', 'kube, the "orchestrator"']});
CREATE (:Competency {id: 'competency:mentoring', `name`: 'Mentoring', `area`: 'Leadership'});
MATCH (a:Role {id: 'role:acme/dev'}), (b:Level {id: 'level:acme/l1'}) CREATE (a)-[:`has_level` {`origin`: 'declared'}]->(b);
MATCH (a:Role {id: 'role:acme/dev'}), (b:Level {id: 'level:acme/l2'}) CREATE (a)-[:`has_level` {`origin`: 'declared'}]->(b);
MATCH (a:Level {id: 'level:acme/l1'}), (b:Level {id: 'level:acme/l2'}) CREATE (a)-[:`promotes_to` {`origin`: 'declared'}]->(b);
MATCH (a:Level {id: 'level:acme/l1'}), (b:Expectation {id: 'expectation:acme/l1/1'}) CREATE (a)-[:`expects` {`order`: 1, `origin`: 'declared'}]->(b);
MATCH (a:Level {id: 'level:acme/l2'}), (b:Expectation {id: 'expectation:acme/l2/1'}) CREATE (a)-[:`expects` {`order`: 1, `origin`: 'declared'}]->(b);
MATCH (a:Expectation {id: 'expectation:acme/l1/1'}), (b:Competency {id: 'competency:k8s'}) CREATE (a)-[:`expresses` {`proficiency`: 'working', `origin`: 'declared'}]->(b);
MATCH (a:Expectation {id: 'expectation:acme/l2/1'}), (b:Competency {id: 'competency:k8s'}) CREATE (a)-[:`expresses` {`proficiency`: 'advanced', `origin`: 'declared'}]->(b);
MATCH (a:Expectation {id: 'expectation:acme/l2/1'}), (b:Competency {id: 'competency:mentoring'}) CREATE (a)-[:`expresses` {`origin`: 'declared'}]->(b);
MATCH (a:Level {id: 'level:acme/l1'}), (b:Competency {id: 'competency:k8s'}) CREATE (a)-[:`requires` {`proficiency`: 'working', `evidence`: ['expectation:acme/l1/1'], `origin`: 'derived'}]->(b);
MATCH (a:Level {id: 'level:acme/l2'}), (b:Competency {id: 'competency:k8s'}) CREATE (a)-[:`requires` {`proficiency`: 'advanced', `evidence`: ['expectation:acme/l2/1'], `origin`: 'derived'}]->(b);
MATCH (a:Level {id: 'level:acme/l2'}), (b:Competency {id: 'competency:mentoring'}) CREATE (a)-[:`requires` {`evidence`: ['expectation:acme/l2/1'], `origin`: 'derived'}]->(b);
