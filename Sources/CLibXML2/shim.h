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

/* libxml2 prints some errors (encoding and I/O errors) through its generic handler, straight to stderr,
   besides reporting them to the parser; kgx reports the first error itself, so the generic handler is
   silenced. The handler is variadic, which Swift cannot define. It is per thread in libxml2. */
static void kgx_silentGenericError(void *context, const char *message, ...) { (void)context; (void)message; }
static inline void kgx_silenceGenericErrors(void) { xmlSetGenericErrorFunc(NULL, kgx_silentGenericError); }

#endif
