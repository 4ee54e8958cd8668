#ifndef ORGRAPH_CGRAPHVIZ_SHIM_H
#define ORGRAPH_CGRAPHVIZ_SHIM_H
// The small C layer OrgRender needs over libcgraph and libgvc (Debian's Graphviz 2.42).
//
// - Swift 6 rejects Graphviz's `Agdesc_t` globals (`Agdirected`, …) as shared mutable state: the graph is
//   opened here, in C.
// - Most Graphviz functions take `char *` for strings they never modify: the wrappers take `const char *`.
// - Determinism: cgraph's default id discipline makes a named object's id the address of its interned
//   name, and keeps subgraphs ordered by id, so cluster order follows the heap and can change between
//   renders in one process. `orgraph_open` installs an id discipline whose ids come from a per-graph
//   counter; cgraph's internal name map keeps the names for lookup and printing.
// - Errors and warnings are captured into a buffer instead of being printed on stderr.
//
// Graphviz is not thread-safe: callers serialize every call (OrgRender holds one process-wide lock).

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>
#include <stdlib.h>
#include <string.h>

// MARK: - Id discipline

/// Per-graph state of the counter id discipline.
typedef struct orgraph_idstate {
  IDTYPE next;
} orgraph_idstate;

static inline void *orgraph_idopen(Agraph_t *g, Agdisc_t *disc) {
  (void)g;
  (void)disc;
  orgraph_idstate *state = (orgraph_idstate *)malloc(sizeof(orgraph_idstate));
  if (state) state->next = 1;
  return state;
}

/// Named objects are declined (return 0): cgraph then asks again without a name, records the name in its
/// internal map (so lookups and `agnameof` work), and the id comes from the counter below.
static inline long orgraph_idmap(void *state, int objtype, char *str, IDTYPE *id, int createflag) {
  (void)objtype;
  (void)createflag;
  orgraph_idstate *s = (orgraph_idstate *)state;
  if (str != NULL || s == NULL) return 0;
  *id = s->next;
  s->next += 2;  // odd, like cgraph's own anonymous ids
  return 1;
}

static inline long orgraph_idalloc(void *state, int objtype, IDTYPE request) {
  (void)state;
  (void)objtype;
  (void)request;
  return 0;  // explicit ids are not supported
}

static inline void orgraph_idfree(void *state, int objtype, IDTYPE id) {
  (void)state;
  (void)objtype;
  (void)id;
}

static inline char *orgraph_idprint(void *state, int objtype, IDTYPE id) {
  (void)state;
  (void)objtype;
  (void)id;
  return NULL;  // names are printed from cgraph's internal map
}

static inline void orgraph_idclose(void *state) { free(state); }

static inline void orgraph_idregister(void *state, int objtype, void *obj) {
  (void)state;
  (void)objtype;
  (void)obj;
}

/// The discipline given to `agopen`: default memory and I/O, the counter id discipline.
static inline Agdisc_t *orgraph_discipline(void) {
  static Agiddisc_t iddisc = {
      orgraph_idopen, orgraph_idmap,   orgraph_idalloc,    orgraph_idfree,
      orgraph_idprint, orgraph_idclose, orgraph_idregister,
  };
  static Agdisc_t disc;
  disc.mem = &AgMemDisc;
  disc.id = &iddisc;
  disc.io = &AgIoDisc;
  return &disc;
}

// MARK: - Graphs

/// Opens a root graph, directed or not, strict or not, with the counter id discipline.
static inline Agraph_t *orgraph_open(const char *name, int directed, int strict) {
  Agdesc_t desc;
  if (directed) {
    desc = strict ? Agstrictdirected : Agdirected;
  } else {
    desc = strict ? Agstrictundirected : Agundirected;
  }
  return agopen((char *)name, desc, orgraph_discipline());
}

/// Whether a graph is directed.
static inline int orgraph_is_directed(Agraph_t *g) { return agisdirected(g); }

/// Finds or creates the node named `name`.
static inline Agnode_t *orgraph_node(Agraph_t *g, const char *name) { return agnode(g, (char *)name, 1); }

/// Adds an existing node to a subgraph.
static inline Agnode_t *orgraph_subnode(Agraph_t *g, Agnode_t *n) { return agsubnode(g, n, 1); }

/// Creates an anonymous edge (parallel edges allowed in non-strict graphs).
static inline Agedge_t *orgraph_edge(Agraph_t *g, Agnode_t *tail, Agnode_t *head) {
  return agedge(g, tail, head, NULL, 1);
}

/// Finds or creates the subgraph named `name`.
static inline Agraph_t *orgraph_subgraph(Agraph_t *g, const char *name) { return agsubg(g, (char *)name, 1); }

// MARK: - Attributes

/// The `kind` argument of `agattr` for an object.
static inline int orgraph_kind(void *obj) {
  int t = AGTYPE(obj);
  return t == AGINEDGE ? AGEDGE : t;
}

/// Declares a default for a kind (`AGRAPH`, `AGNODE`, `AGEDGE`) in graph `g`, the way the DOT statements
/// `graph [...]`, `node [...]`, `edge [...]` and a graph's `name=value` do. `html` marks an HTML-like value.
static inline int orgraph_declare(Agraph_t *g, int kind, const char *name, const char *value, int html) {
  Agraph_t *root = agroot(g);
  // Like the parser: a new attribute is first declared at the root with an empty default, so that a
  // subgraph's value does not become every graph's.
  if (agattr(root, kind, (char *)name, NULL) == NULL && agattr(root, kind, (char *)name, (char *)"") == NULL)
    return -1;
  char *v = html ? agstrdup_html(root, (char *)value) : agstrdup(root, (char *)value);
  if (v == NULL) return -1;
  Agsym_t *sym = agattr(g, kind, (char *)name, v);
  agstrfree(root, v);
  return sym ? 0 : -1;
}

/// Sets an attribute of a node or edge, declaring it (with default "") at the root first when needed, the
/// way the DOT parser does for `"a" [name=value]`.
static inline int orgraph_set(void *obj, const char *name, const char *value, int html) {
  Agraph_t *root = agroot(agraphof(obj));
  int kind = orgraph_kind(obj);
  Agsym_t *sym = agattr(root, kind, (char *)name, NULL);
  if (sym == NULL) sym = agattr(root, kind, (char *)name, (char *)"");
  if (sym == NULL) return -1;
  char *v = html ? agstrdup_html(root, (char *)value) : agstrdup(root, (char *)value);
  if (v == NULL) return -1;
  int rc = agxset(obj, sym, v);
  agstrfree(root, v);
  return rc;
}

/// An attribute's value, or NULL.
static inline const char *orgraph_get(void *obj, const char *name) { return agget(obj, (char *)name); }

/// Whether an attribute value is an HTML-like string.
static inline int orgraph_is_html(const char *value) { return value ? aghtmlstr((char *)value) != 0 : 0; }

/// An object's name.
static inline const char *orgraph_name(void *obj) { return agnameof(obj); }

/// An edge's tail node.
static inline Agnode_t *orgraph_tail(Agedge_t *e) { return agtail(e); }

/// An edge's head node.
static inline Agnode_t *orgraph_head(Agedge_t *e) { return aghead(e); }

/// Reads a graph from DOT text (default discipline; for checking text, not for rendering).
static inline Agraph_t *orgraph_read(const char *text) { return agmemread(text); }

// MARK: - Repairs

/// Graphviz 2.42 lays out a labelled "flat" edge (both ends on one rank, a node between them) by growing
/// the rank's node list: `make_vn_slot` in dotgen/flat.c reallocates `GD_rank(g)[r].v` but leaves
/// `GD_rank(g)[r].av` pointing at the freed block, which `gvFreeLayout` then frees again (a double free that
/// aborts or silently corrupts the heap). For the root graph `av` and `v` are the same block after mincross,
/// so after `gvLayout` every rank whose `av` differs from `v` has a dangling `av`: point it at the live block.
/// Rendering never reads `av`, so output is unchanged.
static inline void orgraph_repair_rank_lists(Agraph_t *g) {
  if (g == NULL || GD_rank(g) == NULL) return;
  for (int r = GD_minrank(g); r <= GD_maxrank(g); r++) {
    if (GD_rank(g)[r].av != GD_rank(g)[r].v) GD_rank(g)[r].av = GD_rank(g)[r].v;
  }
}

// MARK: - Errors

/// The messages Graphviz reported since `orgraph_errors_begin`.
typedef struct orgraph_errors {
  char text[8192];
  size_t length;
  int count;
  agerrlevel_t previous_level;
  agusererrf previous_function;
} orgraph_errors;

static inline orgraph_errors *orgraph_error_buffer(void) {
  static orgraph_errors buffer;
  return &buffer;
}

static inline int orgraph_collect_error(char *message) {
  orgraph_errors *b = orgraph_error_buffer();
  if (message == NULL) return 0;
  b->count += 1;
  size_t n = strlen(message);
  size_t room = sizeof(b->text) - 1 - b->length;
  if (n > room) n = room;
  memcpy(b->text + b->length, message, n);
  b->length += n;
  b->text[b->length] = '\0';
  return 0;
}

/// Starts capturing Graphviz's errors and warnings instead of printing them.
static inline void orgraph_errors_begin(void) {
  orgraph_errors *b = orgraph_error_buffer();
  b->length = 0;
  b->count = 0;
  b->text[0] = '\0';
  b->previous_level = agseterr(AGWARN);
  b->previous_function = agseterrf(orgraph_collect_error);
}

/// What was captured so far, capture going on.
static inline const char *orgraph_errors_text(void) { return orgraph_error_buffer()->text; }

/// Stops capturing, restores the previous error handling, and returns what was captured (valid until the
/// next `orgraph_errors_begin`).
static inline const char *orgraph_errors_end(void) {
  orgraph_errors *b = orgraph_error_buffer();
  agseterrf(b->previous_function);
  agseterr(b->previous_level);
  agreseterrors();
  return b->text;
}

#endif
