package dev.simloop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apiguardian.api.API;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layering rules of docs/architecture.md, read from sim-core's compiled classes: what {@code module-info}'s
 * {@code exports} would enforce, and the direction of the dependencies between the packages.
 *
 * <p>Dependencies are the classes a class file names in its constant pool (its own references, field and method
 * descriptors, generic signatures), leaving out string constants.
 */
class ArchitectureTest {

    private static final String ROOT = "dev.simloop";
    private static final String SYNC = "dev.simloop.sync";
    private static final String INTERNAL = "dev.simloop.internal";
    private static final String TIMELINE = "dev.simloop.internal.timeline";

    /** Every main class of sim-core (nested ones included), by name, with the sim-core classes it names. */
    private static final Map<String, Set<String>> DEPENDENCIES = new TreeMap<>();

    @BeforeAll
    static void readClasses() throws IOException, URISyntaxException {
        Path classes = Path.of(EventLoop.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".class")).toList()) {
                String name = classes.relativize(f).toString().replace('\\', '/').replace(".class", "")
                        .replace('/', '.');
                if (name.endsWith("package-info")) {
                    continue;
                }
                try (InputStream in = Files.newInputStream(f)) {
                    DEPENDENCIES.put(name, referencedClasses(in));
                }
            }
        }
        assertThat(DEPENDENCIES).containsKeys("dev.simloop.EventLoop", "dev.simloop.sync.Lock",
                "dev.simloop.internal.Strand", "dev.simloop.internal.timeline.TimelinePage");
    }

    @Test
    void theEnginesPackageDoesNotDependOnTheSyncPrimitives() {
        assertThat(edges(ROOT, SYNC)).isEmpty();
    }

    @Test
    void theTimelineIsReachedOnlyThroughTraceAndRunResult() {
        Set<String> from = new TreeSet<>();
        DEPENDENCIES.forEach((c, deps) -> {
            if (!packageOf(c).equals(TIMELINE) && deps.stream().anyMatch(d -> packageOf(d).equals(TIMELINE))) {
                from.add(c);
            }
        });
        assertThat(from).containsExactly("dev.simloop.RunResult", "dev.simloop.Trace");
    }

    @Test
    void theSyncPrimitivesReachTheInternalsOnlyThroughCoreAccess() {
        Set<String> internals = new TreeSet<>();
        DEPENDENCIES.forEach((c, deps) -> {
            if (packageOf(c).equals(SYNC)) {
                deps.stream().filter(d -> packageOf(d).startsWith(INTERNAL)).forEach(internals::add);
            }
        });
        assertThat(internals).containsExactly("dev.simloop.internal.CoreAccess");
    }

    @Test
    void theInternalPackagesDoNotDependOnTheSyncPrimitives() {
        assertThat(edges(INTERNAL, SYNC)).isEmpty();
        assertThat(edges(TIMELINE, SYNC)).isEmpty();
    }

    @Test
    void noPublicSignatureOutsideTheInternalPackagesNamesAnInternalType() throws ClassNotFoundException {
        List<String> leaks = new ArrayList<>();
        for (String name : DEPENDENCIES.keySet()) {
            if (packageOf(name).startsWith(INTERNAL)) {
                continue;
            }
            Class<?> c = Class.forName(name, false, EventLoop.class.getClassLoader());
            if (!isVisible(c)) {
                continue;
            }
            List<Member> members = new ArrayList<>();
            members.addAll(List.of(c.getDeclaredMethods()));
            members.addAll(List.of(c.getDeclaredConstructors()));
            members.addAll(List.of(c.getDeclaredFields()));
            for (Member m : members) {
                if (!Modifier.isPublic(m.getModifiers()) && !Modifier.isProtected(m.getModifiers())) {
                    continue;
                }
                String signature = m instanceof Executable e ? e.toGenericString() : ((Field) m).toGenericString();
                if (signature.contains(INTERNAL + ".")) {
                    leaks.add(signature);
                }
            }
            String supertypes = c.getGenericSuperclass() + " " + List.of(c.getGenericInterfaces());
            if (supertypes.contains(INTERNAL + ".")) {
                leaks.add(name + " extends or implements " + supertypes);
            }
        }
        assertThat(leaks).isEmpty();
    }

    @Test
    void everyPublicTypeDeclaresItsStabilityAndInternalOnesSaySo() throws ClassNotFoundException {
        List<String> wrong = new ArrayList<>();
        for (String name : DEPENDENCIES.keySet()) {
            Class<?> c = Class.forName(name, false, EventLoop.class.getClassLoader());
            if (!isVisible(c) || c.isAnonymousClass()) {
                continue;
            }
            API api = c.getAnnotation(API.class);
            boolean internal = packageOf(name).startsWith(INTERNAL);
            if (api == null) {
                wrong.add(name + " has no @API");
            } else if (internal != (api.status() == API.Status.INTERNAL)) {
                wrong.add(name + " is @API(" + api.status() + ")" + (internal ? " in an internal package" : ""));
            }
        }
        assertThat(wrong).isEmpty();
    }

    /** The classes of package {@code from} that name a class of package {@code to}, as "from -> to" lines. */
    private static List<String> edges(String from, String to) {
        List<String> edges = new ArrayList<>();
        DEPENDENCIES.forEach((c, deps) -> {
            if (packageOf(c).equals(from)) {
                deps.stream().filter(d -> packageOf(d).equals(to)).forEach(d -> edges.add(c + " -> " + d));
            }
        });
        return edges;
    }

    /** Public, and enclosed only by public types: visible to users. */
    private static boolean isVisible(Class<?> c) {
        for (Class<?> k = c; k != null; k = k.getEnclosingClass()) {
            if (!Modifier.isPublic(k.getModifiers())) {
                return false;
            }
        }
        return true;
    }

    private static String packageOf(String className) {
        String outer = className.contains("$") ? className.substring(0, className.indexOf('$')) : className;
        return outer.substring(0, outer.lastIndexOf('.'));
    }

    private static final Pattern TYPE = Pattern.compile("dev/simloop/[\\w/$]+");

    /**
     * The sim-core classes a class file names: its constant pool's class entries and the descriptors and signatures
     * among its UTF-8 entries, leaving out the UTF-8 entries that are only string constants (messages).
     */
    private static Set<String> referencedClasses(InputStream raw) throws IOException {
        DataInputStream in = new DataInputStream(raw);
        in.readInt(); // magic
        in.readUnsignedShort(); // minor
        in.readUnsignedShort(); // major
        int count = in.readUnsignedShort();
        String[] utf8 = new String[count];
        boolean[] onlyString = new boolean[count];
        List<Integer> classIndexes = new ArrayList<>();
        List<Integer> stringIndexes = new ArrayList<>();
        for (int i = 1; i < count; i++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 1 -> utf8[i] = in.readUTF();
                case 7 -> classIndexes.add(in.readUnsignedShort());
                case 8 -> stringIndexes.add(in.readUnsignedShort());
                case 16, 19, 20 -> in.readUnsignedShort(); // method type, module, package
                case 3, 4 -> in.readInt();
                case 5, 6 -> {
                    in.readLong();
                    i++; // takes two entries
                }
                case 9, 10, 11, 12, 17, 18 -> in.readInt(); // refs, name-and-type, dynamic
                case 15 -> {
                    in.readUnsignedByte();
                    in.readUnsignedShort();
                }
                default -> throw new IOException("unknown constant pool tag " + tag);
            }
        }
        for (int s : stringIndexes) {
            onlyString[s] = true;
        }
        for (int c : classIndexes) {
            onlyString[c] = false;
        }
        Set<String> found = new TreeSet<>();
        for (int i = 1; i < count; i++) {
            if (utf8[i] == null || onlyString[i]) {
                continue;
            }
            Matcher m = TYPE.matcher(utf8[i]);
            while (m.find()) {
                found.add(m.group().replace('/', '.'));
            }
        }
        return found;
    }
}
