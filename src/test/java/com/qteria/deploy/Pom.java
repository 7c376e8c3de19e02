package com.qteria.deploy;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** What the deployment tests read from pom.xml: its properties and version, and Jib's container configuration. */
final class Pom {

    private Pom() {
    }

    /** The {@code <properties>}, and the project's {@code version}. */
    static Map<String, String> properties() {
        Element project = read().getDocumentElement();
        Map<String, String> values = new HashMap<>();
        Element properties = (Element) project.getElementsByTagName("properties").item(0);
        for (int i = 0; i < properties.getChildNodes().getLength(); i++) {
            if (properties.getChildNodes().item(i) instanceof Element property) {
                values.put(property.getTagName(), property.getTextContent().strip());
            }
        }
        for (int i = 0; i < project.getChildNodes().getLength(); i++) {
            if (project.getChildNodes().item(i) instanceof Element child && child.getTagName().equals("version")) {
                values.put("version", child.getTextContent().strip());
            }
        }
        return values;
    }

    /** The jib-maven-plugin's {@code <container>}. */
    static Element jibContainer() {
        var plugins = read().getElementsByTagName("plugin");
        for (int i = 0; i < plugins.getLength(); i++) {
            Element plugin = (Element) plugins.item(i);
            if ("jib-maven-plugin".equals(text(plugin, "artifactId"))) {
                return (Element) plugin.getElementsByTagName("container").item(0);
            }
        }
        throw new AssertionError("no jib-maven-plugin in pom.xml");
    }

    /** The text of the first {@code <tag>} inside the element. */
    static String text(Element element, String tag) {
        return element.getElementsByTagName(tag).item(0).getTextContent().strip();
    }

    private static Document read() {
        try {
            return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(Path.of("pom.xml").toFile());
        } catch (Exception e) {
            throw new IllegalStateException("pom.xml: " + e.getMessage(), e);
        }
    }
}
