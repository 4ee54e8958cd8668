#ifndef ORGRAPH_CGRAPHVIZ_SHIM_H
#define ORGRAPH_CGRAPHVIZ_SHIM_H
#include <graphviz/gvc.h>
#include <graphviz/cgraph.h>
#endif
