#ifndef KGX_CLIBXML2_SHIM_H
#define KGX_CLIBXML2_SHIM_H

#include <libxml/xmlversion.h>
/* Debian's libxml2 headers pull in the system ICU, whose types clash with the ICU that Foundation
   bundles ("'UErrorCode' has different definitions in different modules" on clean debug builds).
   kgx never uses libxml2's ICU encoding support, so hide it before the other headers are read. */
#undef LIBXML_ICU_ENABLED

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlwriter.h>
#include <libxml/xmlreader.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlmemory.h>

/* Swift 6 rejects the global function pointer xmlFree as not concurrency-safe; call it through here. */
static inline void kgx_xmlFree(void *pointer) { xmlFree(pointer); }

#endif
