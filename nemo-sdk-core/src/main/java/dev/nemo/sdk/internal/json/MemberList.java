package dev.nemo.sdk.internal.json;

import dev.nemo.sdk.json.JsonObject;
import dev.nemo.sdk.json.JsonValue;
import java.util.AbstractCollection;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.IntFunction;
import org.jspecify.annotations.Nullable;

/**
 * The members of an object being read, in order, a repeated key keeping its first position and
 * taking the last value (as a {@code LinkedHashMap} keeps them), held in two arrays. Only this
 * package can fill one, and only while reading: after that it is read-only, so {@link JsonObject}
 * keeps it as its members instead of copying it. Seen from outside it is an unmodifiable map, as
 * the copy was: every change fails, and it iterates in member order.
 */
public final class MemberList extends AbstractMap<String, JsonValue> {
    /** Up to this many members a key is found by scanning; beyond it, by an index. */
    private static final int SCAN = 8;

    private String[] keys = new String[SCAN];
    private JsonValue[] values = new JsonValue[SCAN];
    private int size;
    private @Nullable Map<String, Integer> index;

    MemberList() {}

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

    private int indexOf(@Nullable Object key) {
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
    public boolean isEmpty() {
        return size == 0;
    }

    @Override
    public @Nullable JsonValue get(@Nullable Object key) {
        int at = indexOf(key);
        return at < 0 ? null : values[at];
    }

    @Override
    public boolean containsKey(@Nullable Object key) {
        return indexOf(key) >= 0;
    }

    @Override
    public void forEach(BiConsumer<? super String, ? super JsonValue> action) {
        for (int k = 0; k < size; k++) {
            action.accept(keys[k], values[k]);
        }
    }

    @Override
    public int hashCode() {
        int h = 0;
        for (int k = 0; k < size; k++) {
            h += keys[k].hashCode() ^ values[k].hashCode();
        }
        return h;
    }

    @Override
    public Set<Entry<String, JsonValue>> entrySet() {
        return Collections.unmodifiableSet(new Members<>(k -> new SimpleImmutableEntry<>(keys[k], values[k])));
    }

    @Override
    public Set<String> keySet() {
        return Collections.unmodifiableSet(new Members<>(k -> keys[k]) {
            @Override
            public boolean contains(@Nullable Object o) {
                return containsKey(o);
            }
        });
    }

    @Override
    public Collection<JsonValue> values() {
        return Collections.unmodifiableCollection(new InOrder<>(k -> values[k]));
    }

    // Every change fails, as it does on the unmodifiable copy this replaces (AbstractMap would let
    // some pass when they change nothing).

    @Override
    public JsonValue put(String key, JsonValue value) {
        throw new UnsupportedOperationException();
    }

    @Override
    public JsonValue remove(@Nullable Object key) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void putAll(Map<? extends String, ? extends JsonValue> m) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void clear() {
        throw new UnsupportedOperationException();
    }

    @Override
    public void replaceAll(BiFunction<? super String, ? super JsonValue, ? extends JsonValue> function) {
        throw new UnsupportedOperationException();
    }

    @Override
    public JsonValue putIfAbsent(String key, JsonValue value) {
        throw new UnsupportedOperationException();
    }

    @Override
    public boolean remove(@Nullable Object key, @Nullable Object value) {
        throw new UnsupportedOperationException();
    }

    @Override
    public boolean replace(String key, JsonValue oldValue, JsonValue newValue) {
        throw new UnsupportedOperationException();
    }

    @Override
    public JsonValue replace(String key, JsonValue value) {
        throw new UnsupportedOperationException();
    }

    @Override
    public JsonValue computeIfAbsent(String key, Function<? super String, ? extends JsonValue> mappingFunction) {
        throw new UnsupportedOperationException();
    }

    @Override
    public JsonValue computeIfPresent(
            String key, BiFunction<? super String, ? super JsonValue, ? extends JsonValue> remappingFunction) {
        throw new UnsupportedOperationException();
    }

    @Override
    public JsonValue compute(
            String key, BiFunction<? super String, ? super JsonValue, ? extends JsonValue> remappingFunction) {
        throw new UnsupportedOperationException();
    }

    @Override
    public JsonValue merge(
            String key,
            JsonValue value,
            BiFunction<? super JsonValue, ? super JsonValue, ? extends JsonValue> remappingFunction) {
        throw new UnsupportedOperationException();
    }

    /** A view of the members in order, one element per member. */
    private class InOrder<E> extends AbstractCollection<E> {
        private final IntFunction<E> element;

        InOrder(IntFunction<E> element) {
            this.element = element;
        }

        @Override
        public Iterator<E> iterator() {
            return new Iterator<>() {
                private int next;

                @Override
                public boolean hasNext() {
                    return next < size;
                }

                @Override
                public E next() {
                    if (next >= size) {
                        throw new NoSuchElementException();
                    }
                    return element.apply(next++);
                }
            };
        }

        @Override
        public int size() {
            return size;
        }

        @Override
        public Spliterator<E> spliterator() {
            return Spliterators.spliterator(this, Spliterator.ORDERED);
        }
    }

    /** A view of distinct things, one per member, in member order. */
    private class Members<E> extends AbstractSet<E> {
        private final InOrder<E> inOrder;

        Members(IntFunction<E> element) {
            this.inOrder = new InOrder<>(element);
        }

        @Override
        public Iterator<E> iterator() {
            return inOrder.iterator();
        }

        @Override
        public int size() {
            return size;
        }

        @Override
        public Spliterator<E> spliterator() {
            return Spliterators.spliterator(this, Spliterator.ORDERED | Spliterator.DISTINCT);
        }
    }
}
