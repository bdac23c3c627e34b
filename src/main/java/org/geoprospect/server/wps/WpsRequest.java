package org.geoprospect.server.wps;

import org.geoprospect.process.InputValue;
import org.geoprospect.server.http.OwsException;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A WPS 1.0.0 request, the same whether it came as key-value pairs ({@link KvpRequests}) or as an XML document
 * ({@link XmlRequests}). The checks both encodings share live here and throw {@link OwsException}.
 */
sealed interface WpsRequest {
    String VERSION = "1.0.0";

    /** @param acceptVersions the versions the client accepts, best first; empty = any */
    record GetCapabilities(List<String> acceptVersions) implements WpsRequest {
        public GetCapabilities {
            acceptVersions = List.copyOf(acceptVersions);
            if (!acceptVersions.isEmpty() && !acceptVersions.contains(VERSION)) {
                throw new OwsException("VersionNegotiationFailed", "AcceptVersions", "this service speaks WPS "
                        + VERSION + " only, not " + String.join(", ", acceptVersions), 400);
            }
        }
    }

    /** @param identifiers the processes asked for; {@code ALL} (any case) for every one */
    record DescribeProcess(List<String> identifiers) implements WpsRequest {
        public DescribeProcess {
            identifiers = List.copyOf(identifiers);
            if (identifiers.isEmpty()) {
                throw OwsException.missing("identifier");
            }
        }

        boolean all() {
            return identifiers.stream().anyMatch(i -> i.equalsIgnoreCase("all"));
        }
    }

    /**
     * An Execute request with its response form: a response document (the default) or one raw output.
     *
     * @param inputs    values by input identifier, in request order
     * @param outputs   the outputs the response document is to hold; empty = every output, files by reference
     * @param rawOutput the output to send as the response body (RawDataOutput), or null for a document
     * @param store     storeExecuteResponse: run in the background, the document at a status location
     * @param status    whether the stored document follows the job while it runs
     * @param lineage   whether the document repeats the inputs and output definitions
     */
    record Execute(String identifier, Map<String, List<InputValue>> inputs, List<OutputDefinition> outputs,
                   OutputDefinition rawOutput, boolean store, boolean status, boolean lineage)
            implements WpsRequest {
        public Execute {
            if (identifier == null || identifier.isBlank()) {
                throw OwsException.missing("identifier");
            }
            Map<String, List<InputValue>> copy = new LinkedHashMap<>();
            inputs.forEach((id, values) -> copy.put(id, List.copyOf(values)));
            inputs = Collections.unmodifiableMap(copy);
            outputs = List.copyOf(outputs);
            if (rawOutput != null && (store || status || lineage || !outputs.isEmpty())) {
                throw OwsException.invalid("RawDataOutput", "RawDataOutput sends one output as the response body; "
                        + "it excludes a response document and storeExecuteResponse, status and lineage");
            }
            if (status && !store) {
                throw OwsException.invalid("status", "status=true needs storeExecuteResponse=true");
            }
        }
    }

    /**
     * How one output is to be returned.
     *
     * @param asReference as a URL to fetch rather than in the document
     * @param mimeType    the format asked for, or null for the output's own
     */
    record OutputDefinition(String identifier, boolean asReference, String mimeType) {
    }

    /** @throws OwsException unless the service parameter is present and WPS */
    static void checkService(String service) {
        if (service == null || service.isBlank()) {
            throw OwsException.missing("service");
        }
        if (!service.equalsIgnoreCase("WPS")) {
            throw OwsException.invalid("service", "this is a WPS service, not '" + service + "'");
        }
    }

    /** @throws OwsException unless the version parameter of DescribeProcess or Execute is present and 1.0.0 */
    static void checkVersion(String version) {
        if (version == null || version.isBlank()) {
            throw OwsException.missing("version");
        }
        if (!version.equals(VERSION)) {
            throw OwsException.invalid("version", "this service speaks WPS " + VERSION + " only, not " + version);
        }
    }

    /**
     * The languages the capabilities list as supported: the service's text is British English, which serves
     * clients asking for en-US (as the OGC TEAM Engine does) too.
     */
    static final List<String> LANGUAGES = List.of(Xml.LANGUAGE, "en-US");

    /**
     * For DescribeProcess. GetCapabilities and Execute do not check the language: WPS 1.0.0 has them answer in the
     * default language when the one asked for is not supported.
     *
     * @throws OwsException when a language the service does not support is asked for
     */
    static void checkLanguage(String language) {
        if (language != null && !language.isBlank()
                && LANGUAGES.stream().noneMatch(l -> l.equalsIgnoreCase(language.strip()))) {
            throw OwsException.invalid("language", "the languages are " + String.join(", ", LANGUAGES) + ", not "
                    + language);
        }
    }

    /** Parses xs:boolean (true, false, 1, 0; KVP also in any case); null stays the default. */
    static boolean bool(String value, String parameter, boolean dflt) {
        if (value == null || value.isBlank()) {
            return dflt;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true", "1" -> true;
            case "false", "0" -> false;
            default -> throw OwsException.invalid(parameter, parameter + " is true or false, not '" + value + "'");
        };
    }
}
