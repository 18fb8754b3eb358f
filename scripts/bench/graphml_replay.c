/* The bare libxml2 baseline for kgx's GraphML writer: reads a GraphML file that kgx wrote (not timed),
   then writes the same document again with libxml2's xmlTextWriter straight to a file descriptor, with the
   settings kgx uses (UTF-8, two-space indentation), and prints the time of the writing alone. The output
   must be byte-identical to the input (scripts/bench-corpus.sh compares them), so both programs write the
   same document: same keys, same data elements, same text.
   Usage: graphml_replay IN.graphml OUT.graphml */
#include <fcntl.h>
#include <libxml/xmlreader.h>
#include <libxml/xmlwriter.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

typedef struct { char kind; xmlChar *name; int count; xmlChar **attributes; } Event; /* kind: S start, T text, E end */

static Event *events; static size_t used, capacity;
static Event *push(char kind) {
    if (used == capacity) { capacity = capacity ? capacity * 2 : 1 << 20; events = realloc(events, capacity * sizeof *events); if (!events) exit(2); }
    Event *e = &events[used++]; memset(e, 0, sizeof *e); e->kind = kind; return e;
}
static double now(void) { struct timespec t; clock_gettime(CLOCK_MONOTONIC, &t); return t.tv_sec + t.tv_nsec / 1e9; }

int main(int argc, char **argv) {
    if (argc != 3) { fprintf(stderr, "usage: graphml_replay IN.graphml OUT.graphml\n"); return 2; }
    xmlTextReaderPtr reader = xmlReaderForFile(argv[1], NULL, XML_PARSE_HUGE);
    if (!reader) { fprintf(stderr, "cannot read %s\n", argv[1]); return 1; }
    while (xmlTextReaderRead(reader) == 1) {
        int type = xmlTextReaderNodeType(reader);
        if (type == XML_READER_TYPE_ELEMENT) {
            Event *e = push('S');
            e->name = xmlStrdup(xmlTextReaderConstName(reader));
            e->count = xmlTextReaderAttributeCount(reader);
            e->attributes = malloc(2 * (e->count + 1) * sizeof(xmlChar *));
            for (int i = 0; i < e->count; i++) {
                xmlTextReaderMoveToAttributeNo(reader, i);
                e->attributes[2 * i] = xmlStrdup(xmlTextReaderConstName(reader));
                e->attributes[2 * i + 1] = xmlStrdup(xmlTextReaderConstValue(reader));
            }
            xmlTextReaderMoveToElement(reader);
            if (xmlTextReaderIsEmptyElement(reader)) push('E');
        } else if (type == XML_READER_TYPE_TEXT) {
            push('T')->name = xmlStrdup(xmlTextReaderConstValue(reader));
        } else if (type == XML_READER_TYPE_END_ELEMENT) {
            push('E');
        }
    }
    xmlFreeTextReader(reader);

    double start = now();
    int fd = open(argv[2], O_WRONLY | O_CREAT | O_TRUNC, 0666);
    xmlOutputBufferPtr output = xmlOutputBufferCreateFd(fd, NULL);
    xmlTextWriterPtr w = xmlNewTextWriter(output);
    xmlTextWriterSetIndent(w, 1);
    xmlTextWriterSetIndentString(w, BAD_CAST "  ");
    xmlTextWriterStartDocument(w, "1.0", "UTF-8", NULL);
    for (size_t i = 0; i < used; i++) {
        Event *e = &events[i];
        if (e->kind == 'S') {
            xmlTextWriterStartElement(w, e->name);
            for (int a = 0; a < e->count; a++) xmlTextWriterWriteAttribute(w, e->attributes[2 * a], e->attributes[2 * a + 1]);
        } else if (e->kind == 'T') {
            xmlTextWriterWriteString(w, e->name);
        } else {
            xmlTextWriterEndElement(w);
        }
    }
    xmlTextWriterEndDocument(w);
    xmlTextWriterFlush(w);
    xmlFreeTextWriter(w);
    fsync(fd);
    close(fd);
    printf("bare libxml2 xmlTextWriter: the same document in %.2f s\n", now() - start);
    return 0;
}
