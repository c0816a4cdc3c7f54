import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.classfile.Attributes;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassHierarchyResolver;
import java.lang.classfile.ClassModel;
import java.lang.classfile.ClassTransform;
import java.lang.classfile.CodeTransform;
import java.lang.classfile.MethodModel;
import java.lang.classfile.attribute.CodeAttribute;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Writes each jar that holds classes older than class-file version 50 (Java 6) into OUT_DIR, with
 * those classes as version 52 (Java 8) with stack maps, for dist/build.sh when it makes an
 * ahead-of-time cache; a jar without such classes is left alone (run with the JDK's single-file
 * launcher, Java 24 or later for java.lang.classfile:
 * {@code java dist/ClassFileUpgrade.java OUT_DIR JAR...}). Of Gawah's libraries, only picocli has any.
 *
 * <p>Why: Java checks a class older than version 50 with its old verifier, which infers the types
 * itself, and keeps such classes out of an ahead-of-time cache. picocli 4.7.7 is compiled for
 * Java 5 (version 49), so every command read, parsed and checked its 171 classes from the jar
 * again: 0.08 of the 0.8 CPU-seconds of a {@code gawah list}. From version 50 on, a method's code
 * carries its stack map (the types at each branch target), which the newer verifier checks instead
 * of inferring, and the cache can hold the class.
 *
 * <p>What changes in each such class: the version number, and a StackMapTable attribute for each
 * method's code, with the constant-pool entries it names added at the end of the pool. Nothing
 * else: every method keeps its code byte for byte (the pool's existing entries keep their
 * numbers), its exception table, its other attributes; checked here for every method, and the
 * build stops on any difference. Every other entry of the jar (resources, the manifest, classes of
 * version 50 or later such as module-info) is copied byte for byte, in the same order, with the
 * same times. The same input gives the same output: anyone can run this on Maven Central's jar
 * and compare (README, "A copy that needs no Java").
 *
 * <p>Exit code 0 when every jar that needed it was written; 1 with a line on stderr otherwise.
 */
public class ClassFileUpgrade {
    /** Java 8's class-file version: the oldest with stack maps required, as new as the classes need. */
    private static final int TO = ClassFile.JAVA_8_VERSION;

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            fail("usage: java dist/ClassFileUpgrade.java OUT_DIR JAR...");
        }
        Path outDir = Path.of(args[0]);
        for (String name : List.of(args).subList(1, args.length)) {
            Path in = Path.of(name);
            if (hasOldClasses(in)) {
                Path out = outDir.resolve(in.getFileName().toString());
                int upgraded = upgrade(in, out);
                System.err.println("dist: " + out.getFileName() + ": " + upgraded
                        + " classes of class-file version 49 or older rewritten as version " + TO + " with stack maps");
            }
        }
    }

    private static boolean hasOldClasses(Path jar) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                if (isClass(entry)) {
                    try (InputStream read = zip.getInputStream(entry)) {
                        byte[] head = read.readNBytes(8);
                        if (head.length == 8 && ((head[6] & 0xff) << 8 | head[7] & 0xff) < ClassFile.JAVA_6_VERSION) {
                            return true;
                        }
                    }
                }
            }
        }
        return false;
    }

    private static boolean isClass(ZipEntry entry) {
        return entry.getName().endsWith(".class") && !entry.getName().startsWith("META-INF/");
    }

    /** Writes {@code in} to {@code out} with its old classes upgraded; how many were. */
    private static int upgrade(Path in, Path out) throws IOException {
        Path partial = out.resolveSibling(out.getFileName() + ".partial");
        int upgraded = 0;
        // Stack maps name the common superclass of two types where branches meet: read from this
        // jar and the running JDK (picocli needs nothing else).
        try (URLClassLoader classes = new URLClassLoader(new java.net.URL[] {in.toUri().toURL()}, null);
             ZipFile jar = new ZipFile(in.toFile());
             OutputStream file = Files.newOutputStream(partial);
             ZipOutputStream zip = new ZipOutputStream(file)) {
            ClassFile classFile = ClassFile.of(ClassFile.StackMapsOption.GENERATE_STACK_MAPS,
                    ClassFile.ClassHierarchyResolverOption.of(ClassHierarchyResolver.defaultResolver()
                            .orElse(ClassHierarchyResolver.ofResourceParsing(classes))));
            Enumeration<? extends ZipEntry> entries = jar.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                byte[] data;
                try (InputStream read = jar.getInputStream(entry)) {
                    data = read.readAllBytes();
                }
                if (isClass(entry)) {
                    ClassModel old = classFile.parse(data);
                    if (old.majorVersion() < ClassFile.JAVA_6_VERSION) {
                        data = upgrade(classFile, old, entry.getName());
                        upgraded++;
                    }
                }
                write(zip, entry, data);
            }
        }
        Files.move(partial, out, StandardCopyOption.REPLACE_EXISTING);
        return upgraded;
    }

    private static byte[] upgrade(ClassFile classFile, ClassModel old, String name) {
        byte[] data = classFile.transformClass(old, ClassTransform.transformingMethodBodies(CodeTransform.ACCEPT_ALL)
                .andThen(ClassTransform.endHandler(builder -> builder.withVersion(TO, 0))));
        ClassModel upgraded = ClassFile.of().parse(data);
        List<MethodModel> before = old.methods();
        List<MethodModel> after = upgraded.methods();
        if (upgraded.majorVersion() != TO || before.size() != after.size()
                || old.fields().size() != upgraded.fields().size() || old.flags().flagsMask() != upgraded.flags().flagsMask()
                || !old.thisClass().asInternalName().equals(upgraded.thisClass().asInternalName())) {
            fail(name + ": its fields, methods or flags would change");
        }
        for (int i = 0; i < before.size(); i++) {
            MethodModel was = before.get(i);
            MethodModel is = after.get(i);
            CodeAttribute wasCode = was.findAttribute(Attributes.code()).orElse(null);
            CodeAttribute isCode = is.findAttribute(Attributes.code()).orElse(null);
            boolean same = was.methodName().equalsString(is.methodName().stringValue())
                    && was.methodType().equalsString(is.methodType().stringValue())
                    && was.flags().flagsMask() == is.flags().flagsMask()
                    && (wasCode == null) == (isCode == null)
                    && (wasCode == null || Arrays.equals(wasCode.codeArray(), isCode.codeArray())
                            && wasCode.maxStack() == isCode.maxStack() && wasCode.maxLocals() == isCode.maxLocals()
                            && wasCode.exceptionHandlers().size() == isCode.exceptionHandlers().size());
            if (!same) {
                fail(name + ": method " + was.methodName().stringValue() + " would change beyond its stack map");
            }
        }
        return data;
    }

    private static void write(ZipOutputStream zip, ZipEntry entry, byte[] data) throws IOException {
        ZipEntry copy = new ZipEntry(entry.getName());
        copy.setTime(entry.getTime());
        if (entry.getLastModifiedTime() != null) {
            copy.setLastModifiedTime(entry.getLastModifiedTime());
        }
        if (entry.getMethod() == ZipEntry.STORED) {
            CRC32 crc = new CRC32();
            crc.update(data);
            copy.setMethod(ZipEntry.STORED);
            copy.setSize(data.length);
            copy.setCompressedSize(data.length);
            copy.setCrc(crc.getValue());
        }
        zip.putNextEntry(copy);
        zip.write(data);
        zip.closeEntry();
    }

    private static void fail(String problem) {
        System.err.println("dist: error: " + problem);
        System.exit(1);
    }
}
