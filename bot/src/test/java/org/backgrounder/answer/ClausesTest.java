package org.backgrounder.answer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClausesTest {

  @Test
  void oneAsk_staysWhole() {
    assertThat(Clauses.of("who designated the cartels and the gangs as terrorists?"))
        .containsExactly("who designated the cartels and the gangs as terrorists?");
    assertThat(Clauses.of("Sinaloa, CJNG and the Gulf Cartel: when were they listed"))
        .hasSize(2);
  }

  @Test
  void severalAsks_splitWhereANewQuestionStarts() {
    assertThat(Clauses.of("who runs frontera vota, and have they flagged anything?"))
        .containsExactly("who runs frontera vota", "have they flagged anything?");
    assertThat(Clauses.of("judge in the ballot case — name + which court"))
        .containsExactly("judge in the ballot case", "name", "which court");
    assertThat(Clauses.of("when did he resign? did he give a reason"))
        .containsExactly("when did he resign", "did he give a reason");
    assertThat(Clauses.of("quién es la jueza y cuándo resuelve"))
        .containsExactly("quién es la jueza", "cuándo resuelve");
  }
}
