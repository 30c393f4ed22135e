package org.backgrounder;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Pins the layering of docs/architecture.md: data flows facts/feeds -> index -> answer -> command
 * -> chat; and keeps that page naming every package there is.
 */
class ArchitectureTest {

  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("org.backgrounder");
  }

  @Test
  void architecturePage_namesEveryPackage_andTheReadmeLinksIt() throws IOException {
    String page = Files.readString(TestPaths.repo().resolve("docs/architecture.md"));
    List<String> packages;
    try (Stream<Path> dirs = Files.list(TestPaths.repo()
        .resolve("bot/src/main/java/org/backgrounder"))) {
      packages = dirs.filter(Files::isDirectory).map(d -> d.getFileName() + "/").toList();
    }

    assertThat(packages).isNotEmpty().allSatisfy(p -> assertThat(page).contains(" " + p));
    assertThat(Files.readString(TestPaths.repo().resolve("README.md")))
        .contains("(docs/architecture.md)").doesNotContain("shared/style.md");
  }

  @Test
  void slackSdk_isOnlyUsedInsideTheSlackAdapter() {
    noClasses().that().resideOutsideOfPackage("org.backgrounder.chat.slack..")
        .should().dependOnClassesThat().resideInAnyPackage("com.slack..")
        .allowEmptyShould(true)
        .check(classes);
  }

  @Test
  void platformAdapters_areOnlyKnownToTheCompositionRoot() {
    noClasses().that().resideOutsideOfPackages("org.backgrounder.chat..", "org.backgrounder.cli..")
        .should().dependOnClassesThat().resideInAnyPackage("org.backgrounder.chat.slack..",
            "org.backgrounder.chat.matrix..", "org.backgrounder.chat.console..")
        .allowEmptyShould(true)
        .check(classes);
  }

  @Test
  void answersAndFacts_knowNothingOfChat() {
    noClasses().that().resideInAnyPackage("org.backgrounder.answer..", "org.backgrounder.facts..",
            "org.backgrounder.index..", "org.backgrounder.feeds..", "org.backgrounder.yaml..",
            "org.backgrounder.config..", "org.backgrounder.store..")
        .should().dependOnClassesThat().resideInAnyPackage("org.backgrounder.chat..",
            "org.backgrounder.command..")
        .allowEmptyShould(true)
        .check(classes);
  }

  @Test
  void dataFlowsOneWay_factsDoNotKnowWhatIsBuiltOnThem() {
    noClasses().that().resideInAPackage("org.backgrounder.facts..")
        .should().dependOnClassesThat().resideInAnyPackage("org.backgrounder.index..",
            "org.backgrounder.answer..", "org.backgrounder.feeds..", "org.backgrounder.digest..")
        .allowEmptyShould(true)
        .check(classes);
    noClasses().that().resideInAnyPackage("org.backgrounder.index..", "org.backgrounder.answer..")
        .should().dependOnClassesThat().resideInAnyPackage("org.backgrounder.digest..")
        .allowEmptyShould(true)
        .check(classes);
  }

  @Test
  void desk_isAtTheEndOfTheFlow_readingStoresAndFacts() {
    noClasses().that().resideOutsideOfPackages("org.backgrounder.desk..", "org.backgrounder.cli..")
        .should().dependOnClassesThat().resideInAPackage("org.backgrounder.desk..")
        .allowEmptyShould(true)
        .check(classes);
    noClasses().that().resideInAPackage("org.backgrounder.desk..")
        .should().dependOnClassesThat().resideInAnyPackage("org.backgrounder.chat..",
            "org.backgrounder.command..", "org.backgrounder.answer..", "org.backgrounder.index..",
            "org.backgrounder.bench..")
        .allowEmptyShould(true)
        .check(classes);
  }

  @Test
  void nothing_dependsOnTheCommandLine() {
    noClasses().that().resideOutsideOfPackage("org.backgrounder.cli..")
        .and().doNotHaveFullyQualifiedName("org.backgrounder.Main")
        .should().dependOnClassesThat().resideInAPackage("org.backgrounder.cli..")
        .check(classes);
  }

  @Test
  void picocli_staysInTheCommandLine() {
    noClasses().that().resideOutsideOfPackage("org.backgrounder.cli..")
        .should().dependOnClassesThat().resideInAPackage("picocli..")
        .check(classes);
  }
}
