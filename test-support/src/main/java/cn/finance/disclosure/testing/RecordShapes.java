package cn.finance.disclosure.testing;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The shape of a record tree as member paths with their kinds, for tests that a stored type and an event payload
 * mapped to each other have the same members all the way down: a member added to one and not the other shows up.
 */
public final class RecordShapes {

    private RecordShapes() {
    }

    /** "path: kind" for every member at every depth: record, enum (with its constants), or the leaf type. */
    public static List<String> of(Class<?> record) {
        List<String> out = new ArrayList<>();
        shape(record, "", out);
        return out;
    }

    private static void shape(Type type, String path, List<String> out) {
        if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> raw
                && Iterable.class.isAssignableFrom(raw)) {
            shape(p.getActualTypeArguments()[0], path + "[]", out);
            return;
        }
        if (type instanceof ParameterizedType p) {
            out.add(path + ": " + p.getTypeName());
            return;
        }
        Class<?> c = (Class<?>) type;
        if (c.isRecord()) {
            out.add(path + ": record");
            for (RecordComponent component : c.getRecordComponents()) {
                shape(component.getGenericType(), path + "." + component.getName(), out);
            }
        } else if (c.isEnum()) {
            out.add(path + ": enum " + Arrays.stream(c.getEnumConstants()).map(e -> ((Enum<?>) e).name()).toList());
        } else {
            out.add(path + ": " + c.getName());
        }
    }
}
