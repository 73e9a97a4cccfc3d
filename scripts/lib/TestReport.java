import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Sums the Surefire/Failsafe XML reports under the given project directories ({@code target/*-reports*&#47;TEST-*.xml}).
 * {@code java TestReport.java counts <dir>...} prints {@code tests failures errors skipped};
 * {@code java TestReport.java failures <dir>...} prints each failing test and the first lines of its message.
 * Run as a single-file program (JDK 11+), so a fresh machine needs nothing but the JDK.
 */
public class TestReport {

    public static void main(String[] args) throws Exception {
        List<Path> reports = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            Path target = Path.of(args[i], "target");
            if (!Files.isDirectory(target)) {
                continue;
            }
            try (Stream<Path> dirs = Files.list(target)) {
                for (Path d : dirs.filter(p -> p.getFileName().toString().matches(".*-reports.*")).toList()) {
                    try (Stream<Path> files = Files.list(d)) {
                        files.filter(f -> f.getFileName().toString().matches("TEST-.*\\.xml")).forEach(reports::add);
                    }
                }
            }
        }
        long tests = 0, failures = 0, errors = 0, skipped = 0;
        List<String> failed = new ArrayList<>();
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        for (Path report : reports) {
            Element suite;
            try {
                suite = f.newDocumentBuilder().parse(report.toFile()).getDocumentElement();
            } catch (IOException | org.xml.sax.SAXException e) {
                failed.add(report + ": unreadable report (" + e.getMessage() + ")");
                errors++;
                continue;
            }
            tests += num(suite, "tests");
            failures += num(suite, "failures");
            errors += num(suite, "errors");
            skipped += num(suite, "skipped");
            NodeList cases = suite.getElementsByTagName("testcase");
            for (int i = 0; i < cases.getLength(); i++) {
                Element c = (Element) cases.item(i);
                for (String kind : new String[] {"failure", "error"}) {
                    NodeList bad = c.getElementsByTagName(kind);
                    if (bad.getLength() > 0) {
                        Element b = (Element) bad.item(0);
                        String msg = b.getAttribute("message").isEmpty() ? b.getTextContent() : b.getAttribute("message");
                        String type = b.getAttribute("type");
                        StringBuilder sb = new StringBuilder("FAILED " + c.getAttribute("classname") + "."
                                + c.getAttribute("name") + (type.isEmpty() ? "" : " (" + type + ")"));
                        msg.strip().lines().limit(4).forEach(l -> sb.append("\n    ").append(
                                l.length() > 200 ? l.substring(0, 200) + "..." : l));
                        failed.add(sb.toString());
                    }
                }
            }
        }
        if (args.length > 0 && args[0].equals("failures")) {
            failed.stream().limit(15).forEach(System.out::println);
            if (failed.size() > 15) {
                System.out.println("... and " + (failed.size() - 15) + " more");
            }
        } else {
            System.out.println(tests + " " + failures + " " + errors + " " + skipped);
        }
    }

    private static long num(Element e, String attr) {
        String v = e.getAttribute(attr);
        return v.isEmpty() ? 0 : Long.parseLong(v);
    }
}
