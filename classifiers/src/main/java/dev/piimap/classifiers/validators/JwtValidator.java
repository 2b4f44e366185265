package dev.piimap.classifiers.validators;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * {@code jwt}: a signed JSON Web Token (JWS compact form): three base64url parts separated by dots,
 * whose header decodes to a JSON object with a string {@code alg} other than {@code none}, whose
 * payload decodes to a JSON object, and whose signature is not empty.
 */
public final class JwtValidator implements Validator {
    static final int MAX_HEADER_CHARS = 2048;
    static final int MAX_TOKEN_CHARS = 16384;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public String name() {
        return "jwt";
    }

    @Override
    public boolean isValid(CharSequence candidate) {
        String s = candidate.toString();
        if (s.length() > MAX_TOKEN_CHARS) {
            return false;
        }
        String[] parts = s.split("\\.", -1);
        if (parts.length != 3 || parts[0].length() > MAX_HEADER_CHARS || parts[2].isEmpty()) {
            return false;
        }
        JsonNode header = decode(parts[0]);
        JsonNode payload = decode(parts[1]);
        if (header == null || payload == null) {
            return false;
        }
        JsonNode alg = header.get("alg");
        return alg != null && alg.isTextual() && !alg.asText().isBlank() && !alg.asText().equalsIgnoreCase("none");
    }

    private static JsonNode decode(String part) {
        try {
            byte[] bytes = Base64.getUrlDecoder().decode(part);
            JsonNode node = JSON.readTree(new String(bytes, StandardCharsets.UTF_8));
            return node != null && node.isObject() ? node : null;
        } catch (IllegalArgumentException | java.io.IOException e) {
            return null;
        }
    }
}
