// The language data of core/data/<lang>/*.txt, compiled into the library (see
// core/CMakeLists.txt). Lookup is by path relative to core/data, e.g. "en/cues.txt".
#pragma once

#include <cstddef>
#include <string_view>

namespace attrib {

struct EmbeddedFile {
  const char* path;   // "en/cues.txt"; nullptr ends the table
  const char* bytes;  // the file's bytes, NUL-terminated
  size_t size;        // without the terminating NUL
};

// The table of embedded files, ended by an entry whose path is nullptr.
const EmbeddedFile* EmbeddedFiles();

// The contents of `path`, or an empty view when no such file was embedded.
std::string_view FindEmbeddedFile(std::string_view path);

}  // namespace attrib
