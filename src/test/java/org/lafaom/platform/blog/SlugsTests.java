package org.lafaom.platform.blog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Expected values are python-slugify's own output (Debian's python3-slugify), default options. */
class SlugsTests {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            Été à Dakar                                 | ete-a-dakar
            L'été à Dakar                               | l-ete-a-dakar
            L’été à Dakar                               | lete-a-dakar
            Œuvre & cœur                                | oeuvre-coeur
            Straße 1,000 km                             | strasse-1000-km
            "  --Hello--World--  "                      | hello-world
            Prix: 50€ — «Offre»                         | prix-50eur-offre
            Ça va? Très bien!                           | ca-va-tres-bien
            Formation n°3 : santé                       | formation-ndeg3-sante
            Ünïcödé ñ ø ł đ æ                           | unicode-n-o-l-d-ae
            Déjà vu &amp; co                            | deja-vu-co
            日本語                                       | ri-ben-yu
            Sécurité 2025/2026                          | securite-2025-2026
            a_b_c                                       | a-b-c
            C++ & C#                                    | c-c
            İstanbul                                    | istanbul
            Journée “portes ouvertes”                   | journee-portes-ouvertes
            ½ journée                                   | 1-2-journee
            ﬁn                                          | fin
            Ｆｕｌｌ                                     | full
            Nouvelle formation : aide-soignant(e) 2025  | nouvelle-formation-aide-soignant-e-2025
            Hôpital Aristide-Le-Dantec                  | hopital-aristide-le-dantec
            Ngor–Almadies                               | ngor-almadies
            Résumé…                                     | resume
            Ёлка                                        | iolka
            مرحبا                                       | mrhb
            """)
    void whenTitleIsSlugifiedThenItMatchesPythonSlugify(String title, String expected) {
        assertThat(Slugs.slugify(title)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            !!!
            "   "
            """)
    void whenTitleHasNoLetterOrDigitThenSlugIsEmpty(String title) {
        assertThat(Slugs.slugify(title)).isEmpty();
    }
}
