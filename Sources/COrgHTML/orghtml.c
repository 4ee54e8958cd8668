#include "orghtml.h"

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <stdio.h>

typedef struct {
  char *data;
  size_t length;
  size_t capacity;
  int failed;
} buffer_t;

static void append(buffer_t *b, const char *text, size_t n) {
  if (b->failed) return;
  if (b->length + n + 1 > b->capacity) {
    size_t capacity = b->capacity ? b->capacity * 2 : 1024;
    while (capacity < b->length + n + 1) capacity *= 2;
    char *grown = realloc(b->data, capacity);
    if (!grown) {
      b->failed = 1;
      return;
    }
    b->data = grown;
    b->capacity = capacity;
  }
  memcpy(b->data + b->length, text, n);
  b->length += n;
  b->data[b->length] = 0;
}

/* The text of a node's subtree, nested lists and their items left out: an item's own words, not the words of
   the items libxml2 nested inside it when the HTML did not close it. */
static void own_text(buffer_t *b, xmlNodePtr node, int depth) {
  for (; node && depth < 200; node = node->next) {
    if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE) {
      if (node->content) {
        for (const xmlChar *c = node->content; *c; c++) {
          char ch = (*c == '\t' || *c == '\n' || *c == '\r') ? ' ' : (char)*c;
          append(b, &ch, 1);
        }
      }
    } else if (node->type == XML_ELEMENT_NODE) {
      const char *name = (const char *)node->name;
      if (strcmp(name, "li") == 0 || strcmp(name, "ul") == 0 || strcmp(name, "ol") == 0) continue;
      /* A line break separates a table cell's items: the record separator, read as a space elsewhere. */
      if (strcmp(name, "br") == 0) append(b, "\x1e", 1);
      own_text(b, node->children, depth + 1);
    }
  }
}

static void outline(buffer_t *b, xmlNodePtr node, int depth) {
  for (; node; node = node->next) {
    if (node->type != XML_ELEMENT_NODE) continue;
    const char *name = (const char *)node->name;
    int transparent = strcmp(name, "html") == 0 || strcmp(name, "body") == 0;
    if (!transparent && depth < 200) {
      char prefix[32];
      int n = snprintf(prefix, sizeof prefix, "%d\t", depth);
      append(b, prefix, (size_t)n);
      for (const char *c = name; *c; c++) {
        char lower = (*c >= 'A' && *c <= 'Z') ? (char)(*c + 32) : *c;
        append(b, &lower, 1);
      }
      append(b, "\t", 1);
      n = snprintf(prefix, sizeof prefix, "%ld\t", xmlGetLineNo(node));
      append(b, prefix, (size_t)n);
      own_text(b, node->children, 0);
      append(b, "\n", 1);
    }
    if (depth < 200) outline(b, node->children, transparent ? depth : depth + 1);
  }
}

/* The first error that says the HTML is not well-formed: libxml2's HTML 4 parser calls HTML5 tags
   (`<details>`, `<summary>` …) unknown, and an end tag without its start is how a Markdown block ends what an
   earlier one began; those are not errors here. */
typedef struct {
  int line;
  char message[240];
  int found;
} first_error_t;

static const char *html5[] = {"details", "summary", "section", "article", "nav", "header", "footer", "main",
                              "figure", "figcaption", "mark", "time", "aside", "picture", "source", "video",
                              "audio", "svg", "path", "g-emoji", NULL};

static void record(void *context, const xmlError *error) {
  first_error_t *first = context;
  if (!first || !error || first->found || error->level < XML_ERR_ERROR) return;
  /* Markdown splits HTML into blocks, so `</details>` often closes what an earlier block opened. */
  if (error->code == XML_ERR_TAG_NAME_MISMATCH && error->str2 == NULL) return;
  if (error->code == XML_HTML_UNKNOWN_TAG && error->str1) {
    for (const char **tag = html5; *tag; tag++) {
      if (strcasecmp(*tag, (const char *)error->str1) == 0) return;
    }
  }
  first->found = 1;
  first->line = error->line;
  snprintf(first->message, sizeof first->message, "%s", error->message ? error->message : "not well-formed");
}

char *orgraph_html_outline(const char *html, size_t length) {
  if (!html || length == 0 || length > 0x7fffffff) return NULL;
  /* Errors go to `record` (set below), not to standard error. */
  int options = HTML_PARSE_RECOVER | HTML_PARSE_NOWARNING | HTML_PARSE_NONET | HTML_PARSE_NOIMPLIED;
  first_error_t first = {0};
  xmlSetStructuredErrorFunc(&first, (xmlStructuredErrorFunc)record);
  htmlDocPtr doc = htmlReadMemory(html, (int)length, NULL, "UTF-8", options);
  xmlSetStructuredErrorFunc(NULL, NULL);
  if (!doc) return NULL;
  buffer_t b = {0};
  append(&b, "", 0);
  /* A first line `!<TAB>LINE<TAB>MESSAGE` when libxml2 had to recover from HTML that is not well-formed. */
  if (first.found) {
    char prefix[32];
    int n = snprintf(prefix, sizeof prefix, "!\t%d\t", first.line);
    append(&b, prefix, (size_t)n);
    for (const char *c = first.message; *c; c++) {
      char ch = (*c == '\t' || *c == '\n' || *c == '\r') ? ' ' : *c;
      append(&b, &ch, 1);
    }
    append(&b, "\n", 1);
  }
  outline(&b, doc->children, 0);
  xmlFreeDoc(doc);
  if (b.failed) {
    free(b.data);
    return NULL;
  }
  return b.data;
}

void orgraph_html_free(char *buffer) { free(buffer); }
