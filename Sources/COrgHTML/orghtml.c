#include "orghtml.h"

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <stdlib.h>
#include <string.h>

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
      xmlChar *content = xmlNodeGetContent(node);
      if (content) {
        for (const xmlChar *c = content; *c; c++) {
          char ch = (*c == '\t' || *c == '\n' || *c == '\r') ? ' ' : (char)*c;
          append(b, &ch, 1);
        }
        xmlFree(content);
      }
      append(b, "\n", 1);
    }
    if (depth < 200) outline(b, node->children, transparent ? depth : depth + 1);
  }
}

char *orgraph_html_outline(const char *html, size_t length) {
  if (!html || length == 0 || length > 0x7fffffff) return NULL;
  int options = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET |
                HTML_PARSE_NOIMPLIED;
  htmlDocPtr doc = htmlReadMemory(html, (int)length, NULL, "UTF-8", options);
  if (!doc) return NULL;
  buffer_t b = {0};
  append(&b, "", 0);
  outline(&b, doc->children, 0);
  xmlFreeDoc(doc);
  if (b.failed) {
    free(b.data);
    return NULL;
  }
  return b.data;
}

void orgraph_html_free(char *buffer) { free(buffer); }
