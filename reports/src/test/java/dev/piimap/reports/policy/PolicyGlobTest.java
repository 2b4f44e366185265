package dev.piimap.reports.policy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class PolicyGlobTest {
    @ParameterizedTest(name = "{0} ~ {1}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            accounts.*           | accounts.customers.email             | true
            accounts.*           | accounts.customers                   | true
            accounts.*           | accounts                             | false
            accounts.*           | billing.accounts.x                   | false
            ACCOUNTS.*           | accounts.customers.email             | true
            billing.*            | billing-archive.payments.note        | false
            logs/*               | logs/app.log                         | true
            logs/*               | logs/2026/app.log                    | false
            logs/**              | logs/2026/app.log                    | true
            logs/**/*.log        | logs/app.log                         | true
            logs/**/*.log        | logs/2026/11/app.log                 | true
            logs/**/*.log        | logs/2026/11/app.log.gz              | false
            **/*.pdf             | a.pdf                                | true
            **/*.pdf             | support/attachments/a.pdf            | true
            **                   | anything/at/all                      | true
            tickets/?            | tickets/7                            | true
            tickets/?            | tickets/42                           | false
            tickets/?            | tickets//                            | false
            a+b(c)[d].{e}$       | a+b(c)[d].{e}$                       | true
            a+b(c)[d].{e}$       | aab(c)[d].{e}$                       | false
            app-db               | app-db                               | true
            app-db               | app-db2                              | false
            """)
    void matchesWholeNames(String glob, String name, boolean expected) {
        assertThat(Glob.of(glob).matches(name)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} ~ {1}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            support/*.eml        | support/T-1044.eml!/repro-notes.txt           | true
            support/*.zip        | support/bundle.zip!/logs/client.log!/x.txt    | true
            support/bundle.zip!/logs/*.log | support/bundle.zip!/logs/client.log | true
            support/*.eml        | support/T-1044.eml.bak!/x                     | false
            logs/*               | logs/app.log                                  | true
            *.zip                | !/a.zip                                       | false
            """)
    void anAssetInsideAFileIsMatchedByTheFilesGlob(String glob, String asset, boolean expected) {
        assertThat(Glob.of(glob).matchesAsset(asset)).isEqualTo(expected);
    }
}
