package io.shouwang.registry;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Year;
import java.util.List;
import java.util.Locale;

/** Reads the registry file once at start: YAML, or JSON when the file name ends in ".json". */
public final class RegistryLoader {

  private RegistryLoader() {}

  /** Reads, validates and indexes the registry; the exception lists every problem found. */
  public static Registry load(Path file) throws RegistryException {
    return load(file, Year.now());
  }

  /** As {@link #load(Path)}, with the year that bounds birth years given (for tests). */
  static Registry load(Path file, Year thisYear) throws RegistryException {
    String name = file.toString();
    String content = read(file, name);
    if (content.isBlank()) {
      throw new RegistryException(name, "file is empty");
    }
    Problems problems = new Problems();
    Node root = TreeParser.parse(content, format(file), problems);
    ModelReader reader = new ModelReader(problems, thisYear.getValue());
    List<Community> communities = root == null ? List.of() : reader.read(root);
    if (!problems.isEmpty()) {
      throw new RegistryException(name, problems.all());
    }
    return Registry.of(communities, reader.users());
  }

  private static String read(Path file, String name) throws RegistryException {
    if (Files.isDirectory(file)) {
      throw new RegistryException(name, "is a directory, not a file");
    }
    try {
      String content = Files.readString(file, StandardCharsets.UTF_8);
      // Editors on Windows like to start UTF-8 files with a byte order mark.
      return content.startsWith("\uFEFF") ? content.substring(1) : content;
    } catch (NoSuchFileException e) {
      throw new RegistryException(name, "file not found");
    } catch (AccessDeniedException e) {
      throw new RegistryException(name, "file not readable (permission denied)");
    } catch (MalformedInputException e) {
      throw new RegistryException(name, "file is not UTF-8 text");
    } catch (IOException e) {
      throw new RegistryException(name, "cannot read file: " + e);
    }
  }

  private static TreeParser.Format format(Path file) {
    Path fileName = file.getFileName();
    boolean json =
        fileName != null && fileName.toString().toLowerCase(Locale.ROOT).endsWith(".json");
    return json ? TreeParser.Format.JSON : TreeParser.Format.YAML;
  }
}
