/* Baseline for the GraphML writer: the same synthetic graph as kgx-benchmark (20000 nodes with label,
   type, aliases, unit, iri; 40000 edges with label, date, evidence, rule, doc, start, end) written with
   libxml2's xmlTextWriter directly, into memory. Prints the best of 3 in milliseconds. */
#include <libxml/xmlwriter.h>
#include <stdio.h>
#include <time.h>

static double now(void) { struct timespec t; clock_gettime(CLOCK_MONOTONIC, &t); return t.tv_sec + t.tv_nsec / 1e9; }

static void data(xmlTextWriterPtr w, const char *key, const char *value) {
    xmlTextWriterStartElement(w, BAD_CAST "data");
    xmlTextWriterWriteAttribute(w, BAD_CAST "key", BAD_CAST key);
    xmlTextWriterWriteString(w, BAD_CAST value);
    xmlTextWriterEndElement(w);
}

int main(void) {
    const int nodes = 20000, edges = 40000;
    double best = 1e9; size_t size = 0;
    for (int round = 0; round < 3; round++) {
        double start = now();
        xmlBufferPtr buffer = xmlBufferCreate();
        xmlTextWriterPtr w = xmlNewTextWriterMemory(buffer, 0);
        xmlTextWriterSetIndent(w, 1);
        xmlTextWriterStartDocument(w, NULL, "UTF-8", NULL);
        xmlTextWriterStartElement(w, BAD_CAST "graphml");
        xmlTextWriterWriteAttribute(w, BAD_CAST "xmlns", BAD_CAST "http://graphml.graphdrawing.org/xmlns");
        const char *keys[] = {"label", "type", "aliases", "unit", "iri", "date", "evidence", "rule", "doc", "start", "end"};
        for (int k = 0; k < 11; k++) {
            xmlTextWriterStartElement(w, BAD_CAST "key");
            xmlTextWriterWriteAttribute(w, BAD_CAST "id", BAD_CAST keys[k]);
            xmlTextWriterWriteAttribute(w, BAD_CAST "for", BAD_CAST (k < 5 ? "node" : "edge"));
            xmlTextWriterWriteAttribute(w, BAD_CAST "attr.name", BAD_CAST keys[k]);
            xmlTextWriterWriteAttribute(w, BAD_CAST "attr.type", BAD_CAST "string");
            xmlTextWriterEndElement(w);
        }
        xmlTextWriterStartElement(w, BAD_CAST "graph");
        xmlTextWriterWriteAttribute(w, BAD_CAST "edgedefault", BAD_CAST "directed");
        char a[128], b[128], c[128];
        for (int n = 0; n < nodes; n++) {
            snprintf(a, sizeof a, "org-%016x", n);
            xmlTextWriterStartElement(w, BAD_CAST "node");
            xmlTextWriterWriteAttribute(w, BAD_CAST "id", BAD_CAST a);
            snprintf(b, sizeof b, "组织%d", n); data(w, "label", b);
            data(w, "type", "Organization");
            snprintf(b, sizeof b, "别名%d", n); data(w, "aliases", b);
            data(w, "unit", "个");
            snprintf(c, sizeof c, "https://w3id.org/kgx/id/%s", a); data(w, "iri", c);
            xmlTextWriterEndElement(w);
        }
        for (int e = 0; e < edges; e++) {
            xmlTextWriterStartElement(w, BAD_CAST "edge");
            snprintf(a, sizeof a, "rel-%016x", e); xmlTextWriterWriteAttribute(w, BAD_CAST "id", BAD_CAST a);
            snprintf(a, sizeof a, "org-%016x", e % nodes); xmlTextWriterWriteAttribute(w, BAD_CAST "source", BAD_CAST a);
            snprintf(a, sizeof a, "org-%016x", (e * 7 + 1) % nodes); xmlTextWriterWriteAttribute(w, BAD_CAST "target", BAD_CAST a);
            data(w, "label", "issued"); data(w, "date", "2021-06");
            snprintf(b, sizeof b, "第%d条证据。", e); data(w, "evidence", b);
            data(w, "rule", "relation.issued"); data(w, "doc", "d");
            snprintf(b, sizeof b, "%d", e); data(w, "start", b);
            snprintf(b, sizeof b, "%d", e + 9); data(w, "end", b);
            xmlTextWriterEndElement(w);
        }
        xmlTextWriterEndDocument(w);
        xmlFreeTextWriter(w);
        size = xmlBufferLength(buffer);
        xmlBufferFree(buffer);
        double elapsed = now() - start;
        if (elapsed < best) best = elapsed;
    }
    printf("raw libxml2 xmlTextWriter      %9.1f ms  %d nodes + %d edges  %.1f MB  %.0f elements/s\n",
           best * 1000, nodes, edges, size / 1e6, (nodes + edges) / best);
    return 0;
}
