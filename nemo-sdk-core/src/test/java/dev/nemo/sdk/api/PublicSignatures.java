package dev.nemo.sdk.api;

import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Lists every type named in the public or protected signatures of a type: supertypes, type
 * parameters and their bounds, fields, constructors, methods (parameters, results, exceptions,
 * type parameters), record components and nested public types, with every generic type argument.
 */
final class PublicSignatures {
    private PublicSignatures() {}

    /**
     * @param type   a type
     * @param banned which class names are not allowed
     * @return one line per signature that names a banned class, such as {@code Draft#toJson(): ...ObjectNode}
     */
    static List<String> violations(Class<?> type, Predicate<String> banned) {
        List<String> out = new ArrayList<>();
        if (!isVisible(type)) {
            return out;
        }
        String owner = type.getName();
        check(owner + " extends", type.getGenericSuperclass(), banned, out);
        for (Type t : type.getGenericInterfaces()) {
            check(owner + " implements", t, banned, out);
        }
        for (TypeVariable<?> v : type.getTypeParameters()) {
            check(owner + "<" + v.getName() + ">", v, banned, out);
        }
        if (type.isRecord()) {
            for (RecordComponent c : type.getRecordComponents()) {
                check(owner + " record component " + c.getName(), c.getGenericType(), banned, out);
            }
        }
        for (Field f : type.getDeclaredFields()) {
            if (visible(f)) {
                check(owner + "#" + f.getName(), f.getGenericType(), banned, out);
            }
        }
        for (Constructor<?> c : type.getDeclaredConstructors()) {
            if (visible(c)) {
                executable(owner + "#<init>", c, banned, out);
            }
        }
        for (Method m : type.getDeclaredMethods()) {
            if (visible(m) && !m.isBridge()) {
                executable(owner + "#" + m.getName(), m, banned, out);
                check(owner + "#" + m.getName() + " returns", m.getGenericReturnType(), banned, out);
            }
        }
        return out;
    }

    /** Whether the type can be named from outside its package: it and every enclosing type are public (or protected). */
    static boolean isVisible(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getDeclaringClass()) {
            int m = c.getModifiers();
            if (!Modifier.isPublic(m) && !Modifier.isProtected(m)) {
                return false;
            }
        }
        return !type.isSynthetic() && !type.isAnonymousClass() && !type.isLocalClass();
    }

    private static boolean visible(Member m) {
        return !m.isSynthetic() && (Modifier.isPublic(m.getModifiers()) || Modifier.isProtected(m.getModifiers()));
    }

    private static void executable(String where, Executable e, Predicate<String> banned, List<String> out) {
        for (TypeVariable<?> v : e.getTypeParameters()) {
            check(where + "<" + v.getName() + ">", v, banned, out);
        }
        for (Type p : e.getGenericParameterTypes()) {
            check(where + " parameter", p, banned, out);
        }
        for (Type x : e.getGenericExceptionTypes()) {
            check(where + " throws", x, banned, out);
        }
    }

    private static void check(String where, Type type, Predicate<String> banned, List<String> out) {
        Set<String> names = new HashSet<>();
        collect(type, names, new HashSet<>());
        names.stream().filter(banned).sorted().forEach(n -> out.add(where + ": " + n));
    }

    /** Every class a type mentions, through arrays, type arguments, owners, wildcards and bounds. */
    static void collect(Type type, Set<String> names, Set<Type> seen) {
        if (type == null || !seen.add(type)) {
            return;
        }
        if (type instanceof Class<?> c) {
            if (c.isArray()) {
                collect(c.getComponentType(), names, seen);
            } else {
                names.add(c.getName());
            }
        } else if (type instanceof ParameterizedType p) {
            collect(p.getRawType(), names, seen);
            collect(p.getOwnerType(), names, seen);
            for (Type a : p.getActualTypeArguments()) {
                collect(a, names, seen);
            }
        } else if (type instanceof WildcardType w) {
            for (Type b : w.getUpperBounds()) {
                collect(b, names, seen);
            }
            for (Type b : w.getLowerBounds()) {
                collect(b, names, seen);
            }
        } else if (type instanceof TypeVariable<?> v) {
            for (Type b : v.getBounds()) {
                collect(b, names, seen);
            }
        } else if (type instanceof GenericArrayType g) {
            collect(g.getGenericComponentType(), names, seen);
        }
    }
}
