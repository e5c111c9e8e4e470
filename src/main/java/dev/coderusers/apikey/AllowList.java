package dev.coderusers.apikey;

import dev.coderusers.api.ApiException;
import dev.coderusers.api.ApiExceptionMappers;
import dev.coderusers.api.GoText;
import dev.coderusers.api.GoUuid;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A token's allow list: entries {@code "<resource type or *>:<uuid or *>"} (Coder's
 * {@code codersdk.APIAllowListTarget}, which travels as a string both ways, and
 * {@code rbac.NormalizeAllowList}).
 */
public final class AllowList {

    /** Coder's cap, applied to the entries as sent (before duplicates collapse). */
    static final int MAX_ENTRIES = 128;

    private static final String WILDCARD = "*";

    private AllowList() {}

    /** One parsed entry. */
    record Entry(String type, String id) {
        @Override
        public String toString() {
            return type + ":" + id;
        }
    }

    /**
     * Parses the entries of a request. Coder checks them while decoding the JSON body, so a bad entry
     * answers as an undecodable body: 400 "Request body must be valid JSON." with the entry's problem.
     */
    static List<Entry> parse(List<String> raw) {
        if (raw == null) {
            return List.of();
        }
        List<Entry> entries = new ArrayList<>(raw.size());
        for (String value : raw) {
            entries.add(parseEntry(value == null ? "" : value));
        }
        return entries;
    }

    private static Entry parseEntry(String value) {
        String trimmed = value.strip();
        int colon = trimmed.indexOf(':');
        if (colon <= 0 || colon == trimmed.length() - 1) {
            throw invalidBody("invalid allow_list entry " + GoText.quote(value) + ": want <type>:<id>");
        }
        String type = trimmed.substring(0, colon);
        String id = trimmed.substring(colon + 1);
        if (!type.equals(WILDCARD) && !ApiKeyScopes.isResourceType(type)) {
            throw invalidBody("unknown resource type " + GoText.quote(type));
        }
        if (!id.equals(WILDCARD) && !GoUuid.isValid(id)) {
            throw invalidBody("invalid " + type + " ID (must be UUID): " + GoText.quote(id));
        }
        return new Entry(type, id);
    }

    /**
     * The stored form: {@code *:*} alone if present; a typed wildcard ({@code workspace:*}) absorbs the ids
     * of its type; duplicates dropped; sorted by type, then id. Empty input stays empty (the caller then
     * stores the default, {@code *:*}).
     */
    static List<String> normalize(List<Entry> entries) {
        if (entries.size() > MAX_ENTRIES) {
            throw ApiException.badRequest(
                    "Failed to create API key.",
                    "allow_list has " + entries.size() + " entries; max allowed is " + MAX_ENTRIES);
        }
        Set<String> typedWildcards = new TreeSet<>();
        Map<String, Set<String>> idsByType = new TreeMap<>();
        for (Entry entry : entries) {
            if (entry.type().equals(WILDCARD) && entry.id().equals(WILDCARD)) {
                return List.of(ApiKey.ALLOW_ALL);
            }
            if (entry.id().equals(WILDCARD)) {
                typedWildcards.add(entry.type());
            } else {
                idsByType.computeIfAbsent(entry.type(), t -> new TreeSet<>()).add(entry.id());
            }
        }
        List<Entry> normalized = new ArrayList<>();
        typedWildcards.forEach(type -> normalized.add(new Entry(type, WILDCARD)));
        idsByType.forEach((type, ids) -> {
            if (!typedWildcards.contains(type)) {
                ids.forEach(id -> normalized.add(new Entry(type, id)));
            }
        });
        normalized.sort(Comparator.comparing(Entry::type).thenComparing(Entry::id));
        return normalized.stream().map(Entry::toString).toList();
    }

    private static ApiException invalidBody(String detail) {
        return ApiException.badRequest(ApiExceptionMappers.INVALID_JSON, detail);
    }
}
