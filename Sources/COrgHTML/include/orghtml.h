#ifndef ORGRAPH_ORGHTML_H
#define ORGRAPH_ORGHTML_H
// The HTML inside Markdown handbooks, read with libxml2's forgiving HTML parser.
//
// libxml2's headers pull in the system's ICU headers, whose definitions clash with the ICU that Foundation
// carries when both are imported into one Swift module. So libxml2 is used here, in C, and Swift sees only
// this small interface.

#include <stddef.h>

/// Parses an HTML fragment and returns its elements as lines `DEPTH<TAB>NAME<TAB>LINE<TAB>TEXT<LF>`, in
/// document order: DEPTH from 0, NAME lower-cased, LINE the element's line in the fragment (from 1), TEXT the
/// element's text content (lists inside it left out) with tabs and line breaks as spaces and each `<br>` as
/// the record separator 0x1E. A first line `!<TAB>LINE<TAB>MESSAGE` says what libxml2 had to recover from. The buffer is allocated with malloc; free it with `orgraph_html_free`. NULL when nothing parsed.
char *orgraph_html_outline(const char *html, size_t length);

/// Frees a buffer from `orgraph_html_outline`.
void orgraph_html_free(char *buffer);

#endif
