package com.qteria.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * CHANGELOG.md keeps the Keep a Changelog shape: Unreleased on top, then released versions, newest first, each with
 * its date and a link, all below the version being built (the pom's, which {@code /api/version} reports).
 */
class ChangelogTests {

    private static final Pattern RELEASE = Pattern.compile("^## \\[(\\d+)\\.(\\d+)\\.(\\d+)] - (\\d{4}-\\d{2}-\\d{2})$",
            Pattern.MULTILINE);

    private final String changelog = ApplicationVariables.read(Path.of("CHANGELOG.md"));

    @Test
    void unreleasedOnTopThenReleasesNewestFirstBelowThePomsVersion() {
        List<String> headings = changelog.lines().filter(line -> line.startsWith("## ")).toList();
        assertThat(headings.getFirst()).isEqualTo("## [Unreleased]");
        assertThat(changelog).contains("[Unreleased]: ");

        String pom = Pom.properties().get("version");
        int building = number(pom.replace("-SNAPSHOT", "").split("\\."));
        int previous = Integer.MAX_VALUE;
        String previousDate = "9999-12-31";
        Matcher release = RELEASE.matcher(changelog);
        int releases = 0;
        while (release.find()) {
            int version = number(new String[] {release.group(1), release.group(2), release.group(3)});
            assertThat(version).as(release.group()).isLessThan(previous).isLessThan(building);
            assertThat(release.group(4)).isLessThanOrEqualTo(previousDate);
            assertThat(changelog).contains("[" + release.group(1) + "." + release.group(2) + "." + release.group(3)
                    + "]: ");
            previous = version;
            previousDate = release.group(4);
            releases++;
        }
        assertThat(releases).isEqualTo(headings.size() - 1);
    }

    private static int number(String[] parts) {
        return Integer.parseInt(parts[0]) * 1_000_000 + Integer.parseInt(parts[1]) * 1_000 + Integer.parseInt(parts[2]);
    }
}
