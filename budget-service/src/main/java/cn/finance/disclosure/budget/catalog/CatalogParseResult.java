package cn.finance.disclosure.budget.catalog;

import java.util.List;

/** The outcome of reading an uploaded code list: the value with non-blocking notes, or the problems that refuse it. */
public sealed interface CatalogParseResult<T> {

    /** The problems (for {@link Rejected}) or notes (for {@link Accepted}), in line order. */
    List<CatalogProblem> problems();

    default boolean accepted() {
        return this instanceof Accepted<T>;
    }

    /** The value, or an {@link IllegalArgumentException} listing the problems. */
    default T orElseThrow() {
        if (this instanceof Accepted<T> accepted) {
            return accepted.value();
        }
        throw new IllegalArgumentException(String.join("\n",
                problems().stream().map(p -> p.kind().label() + " " + p.message()).toList()));
    }

    /** Accepted; {@code notes} are worth showing (e.g. a 项 whose 款 is not in the list) but do not block. */
    record Accepted<T>(T value, List<CatalogProblem> notes) implements CatalogParseResult<T> {
        public Accepted {
            notes = List.copyOf(notes);
        }

        @Override
        public List<CatalogProblem> problems() {
            return notes;
        }
    }

    /** Refused; nothing of the file is to be used. */
    record Rejected<T>(List<CatalogProblem> problems) implements CatalogParseResult<T> {
        public Rejected {
            problems = List.copyOf(problems);
        }
    }
}
