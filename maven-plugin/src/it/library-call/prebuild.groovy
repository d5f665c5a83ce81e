import java.nio.file.Files
import java.nio.file.Path

// The example stays free of test files: copy it into this test's directory, as a team would copy it.
Path example = new File(examplesDirectory, 'library-call').toPath()
assert Files.isDirectory(example)
Files.walk(example).withCloseable { paths ->
    paths.filter { !example.relativize(it).toString().startsWith('target') }.each { source ->
        Path target = basedir.toPath().resolve(example.relativize(source).toString())
        if (Files.isDirectory(source)) {
            Files.createDirectories(target)
        } else {
            Files.copy(source, target)
        }
    }
}
return true
