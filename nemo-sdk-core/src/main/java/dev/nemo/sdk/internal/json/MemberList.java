package dev.nemo.sdk.internal.json;

import dev.nemo.sdk.json.JsonValue;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;

/**
 * The members of an object being read, in order, a repeated key keeping its first position and
 * taking the last value (as a {@code LinkedHashMap} keeps them), held in two arrays: the object
 * copies them into its own map, so this one only has to be cheap to fill and to walk once.
 */
final class MemberList extends AbstractMap<String, JsonValue> {
    /** Up to this many members a repeated key is found by scanning; beyond it, by an index. */
    private static final int SCAN = 8;

    private String[] keys = new String[SCAN];
    private JsonValue[] values = new JsonValue[SCAN];
    private int size;
    private @Nullable Map<String, Integer> index;

    /**
     * Adds a member, or replaces the value of a repeated key in place.
     *
     * @param key   the name
     * @param value the value
     */
    void add(String key, JsonValue value) {
        int at = indexOf(key);
        if (at >= 0) {
            values[at] = value;
            return;
        }
        if (size == keys.length) {
            keys = Arrays.copyOf(keys, size * 2);
            values = Arrays.copyOf(values, size * 2);
        }
        keys[size] = key;
        values[size] = value;
        size++;
        Map<String, Integer> i = index;
        if (i != null) {
            i.put(key, size - 1);
        } else if (size > SCAN) {
            i = new HashMap<>();
            for (int k = 0; k < size; k++) {
                i.put(keys[k], k);
            }
            index = i;
        }
    }

    private int indexOf(String key) {
        Map<String, Integer> i = index;
        if (i != null) {
            Integer at = i.get(key);
            return at == null ? -1 : at;
        }
        for (int k = 0; k < size; k++) {
            if (keys[k].equals(key)) {
                return k;
            }
        }
        return -1;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public void forEach(BiConsumer<? super String, ? super JsonValue> action) {
        for (int k = 0; k < size; k++) {
            action.accept(keys[k], values[k]);
        }
    }

    @Override
    public Set<Entry<String, JsonValue>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<String, JsonValue>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < size;
                    }

                    @Override
                    public Entry<String, JsonValue> next() {
                        if (next >= size) {
                            throw new NoSuchElementException();
                        }
                        Entry<String, JsonValue> e = new SimpleImmutableEntry<>(keys[next], values[next]);
                        next++;
                        return e;
                    }
                };
            }

            @Override
            public int size() {
                return size;
            }
        };
    }
}
