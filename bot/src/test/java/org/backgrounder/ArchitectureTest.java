package org.backgrounder;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Pins the layering of shared/style.md: data flows facts/feeds -> index -> answer -> command -> chat. */
class ArchitectureTest {

  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("org.backgrounder");
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
