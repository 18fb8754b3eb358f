/// The JSON-LD `@context` of kgx exports, byte for byte the content of `Schemas/kgx-context.jsonld`
/// (a test keeps the two equal). Kept in code because the writer must embed it and must work offline,
/// without SwiftPM resource bundles.
public enum KGXContext {
    /// The context document: a JSON object whose `@context` member defines every term kgx writes.
    public static let document: String = #"""
{
  "@context": {
    "AdministrativeArea": "schema:AdministrativeArea",
    "DefinedTerm": "schema:DefinedTerm",
    "DigitalDocument": "schema:DigitalDocument",
    "Event": "schema:Event",
    "GovernmentOrganization": "schema:GovernmentOrganization",
    "Legislation": "schema:Legislation",
    "Organization": "schema:Organization",
    "Person": "schema:Person",
    "Place": "schema:Place",
    "Property": "rdf:Property",
    "QuantitativeValue": "schema:QuantitativeValue",
    "SpecificResource": "oa:SpecificResource",
    "Statement": "rdf:Statement",
    "TextPositionSelector": "oa:TextPositionSelector",
    "TextQuoteSelector": "oa:TextQuoteSelector",
    "alternateName": "schema:alternateName",
    "approximate": "kgx:approximate",
    "currency": "schema:currency",
    "date": "kgx:date",
    "documentType": "kgx:documentType",
    "end": {
      "@id": "oa:end",
      "@type": "xsd:nonNegativeInteger"
    },
    "evidence": {
      "@id": "kgx:evidence",
      "@type": "@id"
    },
    "exact": "oa:exact",
    "identifier": "schema:identifier",
    "jobTitle": "schema:jobTitle",
    "kgx": "https://w3id.org/kgx/vocab#",
    "kgxattr": "https://w3id.org/kgx/attribute#",
    "kind": "kgx:kind",
    "label": "rdfs:label",
    "mention": {
      "@id": "kgx:mention",
      "@type": "@id"
    },
    "name": "schema:name",
    "oa": "http://www.w3.org/ns/oa#",
    "object": {
      "@id": "rdf:object",
      "@type": "@id"
    },
    "ordinal": "kgx:ordinal",
    "placeType": "kgx:placeType",
    "predicate": {
      "@id": "rdf:predicate",
      "@type": "@id"
    },
    "prov": "http://www.w3.org/ns/prov#",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "rule": "kgx:rule",
    "schema": "http://schema.org/",
    "selector": {
      "@id": "oa:hasSelector",
      "@type": "@id"
    },
    "sentence": "kgx:sentence",
    "source": {
      "@id": "oa:hasSource",
      "@type": "@id"
    },
    "start": {
      "@id": "oa:start",
      "@type": "xsd:nonNegativeInteger"
    },
    "subject": {
      "@id": "rdf:subject",
      "@type": "@id"
    },
    "text": "kgx:text",
    "unitText": "schema:unitText",
    "value": "schema:value",
    "wasDerivedFrom": {
      "@id": "prov:wasDerivedFrom",
      "@type": "@id"
    },
    "xsd": "http://www.w3.org/2001/XMLSchema#"
  }
}

"""#
}
