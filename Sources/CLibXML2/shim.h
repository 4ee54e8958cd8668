#ifndef ORGRAPH_CLIBXML2_SHIM_H
#define ORGRAPH_CLIBXML2_SHIM_H
// libxml2's HTML parser (libxml2-dev), for the HTML inside Markdown handbooks: <details>, <summary>,
// <table> cells holding <ul><li> lists. It recovers from HTML that is not well-formed, as browsers do.
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#endif
