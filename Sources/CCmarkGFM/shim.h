#ifndef ORGRAPH_CCMARKGFM_SHIM_H
#define ORGRAPH_CCMARKGFM_SHIM_H
// GitHub's CommonMark parser (Debian's libcmark-gfm-dev), the one GitHub renders handbooks with, and its
// extensions (tables, strikethrough, autolinks). OrgImport reads Markdown through it, with source lines.
#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>
#endif
