package dev.piimap.scanner.source.objectstore;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class S3LocationTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "s3a://bucket/prefix/      | bucket | prefix/",
        "s3a://bucket/prefix       | bucket | prefix/",
        "s3a://bucket/a/b/c/       | bucket | a/b/c/",
        "s3a://bucket/             | bucket | ''",
        "s3a://bucket              | bucket | ''",
        "S3A://My.Bucket_1/x       | My.Bucket_1 | x/",
        "s3://bucket/data/         | bucket | data/",
    })
    void parsesBucketAndFolderPrefix(String root, String bucket, String prefix) {
        S3Location location = S3Location.parse(root);

        assertThat(location.bucket()).isEqualTo(bucket);
        assertThat(location.prefix()).isEqualTo(prefix);
        assertThat(location.key("a/b.txt")).isEqualTo(prefix + "a/b.txt");
        assertThat(S3Location.isObjectStoreRoot(root)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"s3a:///prefix/", "s3a://", "s3a:bucket/x", "s3a://bad bucket/x", "s3a://-bucket/"})
    void rejectsRootsWithoutAValidBucket(String root) {
        assertThatThrownBy(() -> S3Location.parse(root)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(root.strip()).hasMessageContaining("s3a://bucket/prefix/");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/data", "./data", "file:///data", "C:/data", "s3bucket/x"})
    void localRootsAreNotObjectStoreRoots(String root) {
        assertThat(S3Location.isObjectStoreRoot(root)).isFalse();
    }
}
