package dev.piimap.reports.policy;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One entry of a policy's {@code declared:} list: the policy says it holds {@code categories} for
 * {@code purpose}, in {@code places} (any one of them), or anywhere when {@code places} is empty.
 *
 * @param categories known categories ({@link Categories#isKnown}); each covers the categories below it
 */
public record Declaration(String purpose, List<String> categories, List<Place> places) implements Serializable {
    private static final long serialVersionUID = 1L;

    public Declaration {
        Objects.requireNonNull(purpose, "purpose");
        categories = List.copyOf(categories);
        places = List.copyOf(places);
        if (categories.isEmpty()) {
            throw new IllegalArgumentException("declaration '" + purpose + "' names no category");
        }
    }

    /** True when one of the declared categories is {@code category} or a parent of it. */
    public boolean covers(String category) {
        return categories.stream().anyMatch(declared -> Categories.covers(declared, category));
    }

    /** True when this declaration allows {@code category} in {@code asset} of {@code source}. */
    public boolean allows(String source, String asset, String category) {
        return covers(category) && (places.isEmpty() || places.stream().anyMatch(place -> place.contains(source, asset)));
    }

    /**
     * For messages: {@code payment records in app-db: billing.*}, {@code support records in [helpdesk-db]
     * or [file-share: support/**]} (brackets when there are several places), or {@code telemetry anywhere}.
     */
    public String describe() {
        if (places.isEmpty()) {
            return purpose + " anywhere";
        }
        if (places.size() == 1) {
            return purpose + " in " + places.get(0).describe();
        }
        return purpose + " in " + places.stream().map(place -> "[" + place.describe() + "]")
                .collect(Collectors.joining(" or "));
    }
}
