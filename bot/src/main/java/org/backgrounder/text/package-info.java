/**
 * Small text rules shared by feeds, the index and answers: folding case and accents ("Cártel" =
 * "cartel") and cutting text into whole words, so every part of the bot agrees on what "the same
 * word" means.
 */
package org.backgrounder.text;
