/// Version of the kgx export formats.
public enum KGExportVersion { public static let current = "1.0" }
