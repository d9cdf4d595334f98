#include "jsonl.h"

#include <sched.h>
#include <simdjson.h>
#include <unicode/utf8.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <mutex>
#include <nlohmann/json.hpp>
#include <sstream>
#include <thread>
#include <vector>

#include "attrib/json.h"
#include "jsonl_source.h"

namespace attrib::cli {

namespace od = simdjson::ondemand;

// ---------------------------------------------------------------------------------------------
// One line.

struct LineAnalyzer::Impl {
  od::parser parser;
  std::string padded;  // the line with simdjson's padding after it
  std::string id_json;
  Document doc;
  Analysis analysis;
};

LineAnalyzer::LineAnalyzer(const AnalyzeArgs& args)
    : args_(args), impl_(std::make_unique<Impl>()) {}
LineAnalyzer::~LineAnalyzer() = default;

namespace {

// 1-based position of the first byte that is not well-formed UTF-8, 0 if there is none.
size_t InvalidUtf8At(std::string_view s) {
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  const auto n = static_cast<int32_t>(s.size());
  for (int32_t i = 0; i < n;) {
    const int32_t at = i;
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (c < 0) return static_cast<size_t>(at) + 1;
  }
  return 0;
}

// Why a line is not JSON. Only on the error path: UTF-8 first, then nlohmann's parser for a
// message with the byte where the syntax breaks (simdjson's codes name no position).
std::string JsonError(simdjson::error_code error, std::string_view line) {
  if (error == simdjson::UTF8_ERROR || !simdjson::validate_utf8(line.data(), line.size())) {
    if (size_t at = InvalidUtf8At(line)) return "invalid UTF-8 at byte " + std::to_string(at);
    return "invalid UTF-8";
  }
  try {
    auto j = nlohmann::json::parse(line);
    if (!j.is_object()) return "not a JSON object";
  } catch (const nlohmann::json::parse_error& e) {
    std::string what = e.what();
    // "[json.exception.parse_error.101] parse error at line 1, column 5: syntax error ..."
    if (size_t colon = what.find(": "); colon != std::string::npos) what.erase(0, colon + 2);
    return "not JSON (at byte " + std::to_string(e.byte) + ": " + what + ")";
  }
  return std::string("not JSON (") + simdjson::error_message(error) + ")";
}

// A JSON value re-written as nlohmann's dump() writes it (rare ids: floats, objects, ...).
bool Redump(std::string_view raw, std::string* out) {
  auto j = nlohmann::ordered_json::parse(raw, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) return false;
  *out = j.dump();
  return true;
}

// The id as JSON, written as the nlohmann-based CLI wrote it: strings re-escaped, integers
// as integers. Empty for null. Returns a simdjson error for a malformed value.
simdjson::error_code ReadId(od::value value, std::string* id_json) {
  id_json->clear();
  od::json_type type;
  if (auto e = value.type().get(type)) return e;
  switch (type) {
    case od::json_type::string: {
      std::string_view s;
      if (auto e = value.get_string().get(s)) return e;
      AppendJsonString(id_json, s);
      return simdjson::SUCCESS;
    }
    case od::json_type::null:
      return value.is_null().error();
    case od::json_type::number:
    case od::json_type::boolean: {
      std::string_view raw = value.raw_json_token();
      while (!raw.empty() && std::strchr(" \t\r\n", raw.back())) raw.remove_suffix(1);
      int64_t v;
      auto [end, ec] = std::from_chars(raw.data(), raw.data() + raw.size(), v);
      if (ec == std::errc() && end == raw.data() + raw.size()) {
        *id_json = std::to_string(v);
        return simdjson::SUCCESS;
      }
      // Consume the value the way its type says, so a malformed one is caught.
      if (type == od::json_type::boolean) {
        if (auto e = value.get_bool().error()) return e;
      }
      return Redump(raw, id_json) ? simdjson::SUCCESS : simdjson::NUMBER_ERROR;
    }
    case od::json_type::object: {
      od::object o;
      std::string_view raw;
      if (auto e = value.get_object().get(o)) return e;
      if (auto e = o.raw_json().get(raw)) return e;
      return Redump(raw, id_json) ? simdjson::SUCCESS : simdjson::TAPE_ERROR;
    }
    case od::json_type::array: {
      od::array a;
      std::string_view raw;
      if (auto e = value.get_array().get(a)) return e;
      if (auto e = a.raw_json().get(raw)) return e;
      return Redump(raw, id_json) ? simdjson::SUCCESS : simdjson::TAPE_ERROR;
    }
  }
  return simdjson::INCORRECT_TYPE;
}

// Walks a value the line does not use (gold annotations, metadata) without keeping anything,
// so that a syntax error inside it still rejects the line as nlohmann's parser would.
simdjson::error_code Check(od::value value, int depth = 0) {
  od::json_type type;
  if (auto e = value.type().get(type)) return e;
  if (depth > 256) return simdjson::DEPTH_ERROR;
  switch (type) {
    case od::json_type::object: {
      od::object o;
      if (auto e = value.get_object().get(o)) return e;
      for (auto member : o) {
        od::field field;
        if (auto e = std::move(member).get(field)) return e;
        if (auto e = Check(field.value(), depth + 1)) return e;
      }
      return simdjson::SUCCESS;
    }
    case od::json_type::array: {
      od::array a;
      if (auto e = value.get_array().get(a)) return e;
      for (auto element : a) {
        od::value v;
        if (auto e = std::move(element).get(v)) return e;
        if (auto e = Check(v, depth + 1)) return e;
      }
      return simdjson::SUCCESS;
    }
    case od::json_type::string:
      return value.get_string().error();
    case od::json_type::number:
      return value.get_number().error();
    case od::json_type::boolean:
      return value.get_bool().error();
    case od::json_type::null: {
      bool null = false;
      if (auto e = value.is_null().get(null)) return e;
      return null ? simdjson::SUCCESS : simdjson::N_ATOM_ERROR;
    }
  }
  return simdjson::INCORRECT_TYPE;
}

}  // namespace

bool LineAnalyzer::Process(std::string_view line, int64_t number, std::string* out,
                           std::string* reason) {
  Impl& m = *impl_;
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  m.id_json.clear();
  auto reject = [&](const std::string& why) {
    *reason = "line " + std::to_string(number) + ": " + why;
    if (m.id_json.empty()) m.id_json = "\"line:" + std::to_string(number) + "\"";
    out->append("{\"id\":").append(m.id_json).append(",\"error\":");
    AppendJsonString(out, *reason);
    out->append("}\n");
    return false;
  };
  if (line.find_first_not_of(" \t") == std::string_view::npos) return reject("empty line");

  m.padded.resize(line.size() + simdjson::SIMDJSON_PADDING);
  std::memcpy(m.padded.data(), line.data(), line.size());
  od::document doc;
  if (auto e = m.parser.iterate(m.padded.data(), line.size(), m.padded.size()).get(doc)) {
    return reject(JsonError(e, line));
  }
  od::object object;
  if (auto e = doc.get_object().get(object)) return reject(JsonError(e, line));
  std::string_view text, lang;
  bool has_text = false;
  for (auto member : object) {
    od::field field;
    if (auto e = std::move(member).get(field)) return reject(JsonError(e, line));
    if (field.key() == "id") {
      if (auto e = ReadId(field.value(), &m.id_json)) return reject(JsonError(e, line));
    } else if (field.key() == "text") {
      auto e = field.value().get_string().get(text);
      if (e && e != simdjson::INCORRECT_TYPE) return reject(JsonError(e, line));
      has_text = !e;
    } else if (field.key() == "lang") {
      auto e = field.value().get_string().get(lang);
      if (e && e != simdjson::INCORRECT_TYPE) return reject(JsonError(e, line));
      if (e) lang = {};
    } else if (auto e = Check(field.value())) {
      return reject(JsonError(e, line));  // any other member: checked, not built
    }
  }
  // Past the object's '}' the document must end: a location there means more text follows.
  if (!doc.current_location().error()) {
    return reject(JsonError(simdjson::TRAILING_CONTENT, line));
  }
  if (!has_text) return reject("no \"text\" string");

  const std::string_view id = m.id_json.empty() ? std::string_view() : m.id_json;
  std::string line_id;
  if (id.empty()) line_id = "\"line:" + std::to_string(number) + "\"";
  Options options = args_.options;
  if (options.language.empty() && !lang.empty()) options.language = lang;
  if (Status s = AnalyzeUtf8(text, options, &m.doc, &m.analysis); !s.ok()) {
    return reject(s.message());
  }
  const std::string_view id_json = id.empty() ? std::string_view(line_id) : id;
  if (args_.format == Format::kText) {
    std::ostringstream os;
    auto j = nlohmann::ordered_json::parse(id_json);
    os << "== " << (j.is_string() ? j.get<std::string>() : j.dump()) << "\n";
    PrintText(m.doc, m.analysis, os);
    out->append(os.str());
  } else if (args_.pretty) {
    auto j = nlohmann::ordered_json::object();
    j["id"] = nlohmann::ordered_json::parse(id_json);
    j.update(ToJson(m.doc, m.analysis, OffsetUnit::kCodePoint));
    out->append(j.dump(2)).push_back('\n');
  } else {
    AppendJson(out, m.doc, m.analysis, OffsetUnit::kCodePoint, id_json);
    out->push_back('\n');
  }
  return true;
}

// ---------------------------------------------------------------------------------------------
// Batches of lines.

namespace {

constexpr size_t kBatchBytes = 256 << 10;

struct Batch {
  int64_t first_line = 0;  // the 1-based number of its first line
  std::string input;       // whole lines, each with its '\n' (the input's last may lack it)
  std::string output;      // one answer per line, in order
  std::string rejected;    // the rejected lines, verbatim, for --errors
  std::string messages;    // one "attrib analyze: line N: ..." per rejected line
  int64_t lines = 0, bad = 0;
  int64_t consumed = 0;  // ByteSource::consumed() after this batch was read
};

// Cuts the input into batches of whole lines: what one read returned, extended to the end of
// its last line (a line is never split, however long).
class BatchReader {
 public:
  explicit BatchReader(ByteSource* source) : source_(*source) {}

  // Fills `*b` with the next lines; false at the end of the input or on error (*error).
  bool Next(Batch* b, std::string* error) {
    b->input.swap(carry_);  // the start of a line (never a '\n')
    carry_.clear();
    b->first_line = next_line_;
    size_t last_newline = std::string::npos;
    while (last_newline == std::string::npos && !eof_) {
      const size_t old = b->input.size();
      b->input.resize(old + kBatchBytes);
      const size_t n = source_.Read(b->input.data() + old, kBatchBytes, error);
      b->input.resize(old + n);
      if (n == 0) {
        eof_ = true;
        if (!error->empty()) return false;
      }
      if (const void* nl = memrchr(b->input.data() + old, '\n', n)) {
        last_newline = static_cast<size_t>(static_cast<const char*>(nl) - b->input.data());
      }
    }
    if (last_newline != std::string::npos && last_newline + 1 < b->input.size()) {
      carry_.assign(b->input, last_newline + 1);
      b->input.resize(last_newline + 1);
    }
    b->consumed = source_.consumed();
    int64_t lines = !b->input.empty() && b->input.back() != '\n';
    const char* end = b->input.data() + b->input.size();
    for (const char* p = b->input.data();
         (p = static_cast<const char*>(std::memchr(p, '\n', end - p))) != nullptr; ++p) {
      ++lines;
    }
    next_line_ += lines;
    return !b->input.empty();
  }

 private:
  ByteSource& source_;
  std::string carry_;
  bool eof_ = false;
  int64_t next_line_ = 1;
};

void ProcessBatch(LineAnalyzer* analyzer, Batch* b) {
  b->output.clear();
  b->rejected.clear();
  b->messages.clear();
  b->lines = b->bad = 0;
  std::string reason;
  std::string_view rest = b->input;
  while (!rest.empty()) {
    size_t nl = rest.find('\n');
    std::string_view line = rest.substr(0, nl);
    rest.remove_prefix(nl == std::string_view::npos ? rest.size() : nl + 1);
    if (!analyzer->Process(line, b->first_line + b->lines, &b->output, &reason)) {
      ++b->bad;
      b->rejected.append(line).push_back('\n');
      b->messages.append("attrib analyze: ").append(reason).push_back('\n');
    }
    ++b->lines;
  }
}

bool WriteAll(int fd, std::string_view data) {
  while (!data.empty()) {
    ssize_t n = write(fd, data.data(), data.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    data.remove_prefix(static_cast<size_t>(n));
  }
  return true;
}

// Lines, MB, MB/s and (for a file) the ETA on stderr, redrawn a few times a second; only when
// stderr is a terminal.
class Progress {
 public:
  explicit Progress(const ByteSource& source)
      : source_(source), on_(isatty(STDERR_FILENO)), start_(Clock::now()) {}

  void Update(int64_t lines, int64_t bytes, int64_t consumed, bool force = false) {
    if (!on_) return;
    auto now = Clock::now();
    if (!force && now - last_ < std::chrono::milliseconds(200)) return;
    last_ = now;
    const double seconds = std::chrono::duration<double>(now - start_).count();
    char buf[160];
    int n = std::snprintf(buf, sizeof buf, "\r\x1b[K%lld lines  %.1f MB  %.1f MB/s",
                          static_cast<long long>(lines), bytes / 1e6,
                          seconds > 0 ? bytes / 1e6 / seconds : 0.0);
    if (source_.total() > 0 && consumed > 0) {
      const double done = std::min(1.0, static_cast<double>(consumed) / source_.total());
      const int eta = done > 0 ? static_cast<int>(seconds * (1 - done) / done) : 0;
      n += std::snprintf(buf + n, sizeof buf - n, "  %.0f%%  ETA %d:%02d", 100 * done, eta / 60,
                         eta % 60);
    }
    shown_ = WriteAll(STDERR_FILENO, std::string_view(buf, static_cast<size_t>(n)));
  }
  // Clears the bar (before other messages go to stderr).
  void Clear() {
    if (on_ && shown_) shown_ = !WriteAll(STDERR_FILENO, "\r\x1b[K");
  }
  void Finish(int64_t lines, int64_t bytes, int64_t consumed) {
    if (!on_) return;
    Update(lines, bytes, consumed, true);
    WriteAll(STDERR_FILENO, "\n");
  }

 private:
  using Clock = std::chrono::steady_clock;
  const ByteSource& source_;
  const bool on_;
  bool shown_ = false;
  Clock::time_point start_, last_;
};

int DefaultJobs() {
  cpu_set_t set;
  if (sched_getaffinity(0, sizeof set, &set) == 0) return std::max(1, CPU_COUNT(&set));
  return static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
}

// Writes finished batches in order: results to stdout, rejected lines to --errors, reasons to
// stderr (only without --errors), the progress bar.
class Writer {
 public:
  Writer(const ByteSource& source, std::FILE* errors) : progress_(source), errors_(errors) {}

  bool Write(const Batch& b) {
    if (!WriteAll(STDOUT_FILENO, b.output)) {
      std::cerr << "attrib analyze: cannot write the output: " << std::strerror(errno) << "\n";
      return false;
    }
    lines_ += b.lines;
    bad_ += b.bad;
    bytes_ += static_cast<int64_t>(b.input.size());
    if (b.bad) {
      if (errors_) {
        std::fwrite(b.rejected.data(), 1, b.rejected.size(), errors_);
      } else {
        progress_.Clear();
        WriteAll(STDERR_FILENO, b.messages);
      }
    }
    consumed_ = b.consumed;
    progress_.Update(lines_, bytes_, consumed_);
    return true;
  }
  void Finish() { progress_.Finish(lines_, bytes_, consumed_); }
  void Clear() { progress_.Clear(); }
  int64_t lines() const { return lines_; }
  int64_t bad() const { return bad_; }

 private:
  Progress progress_;
  std::FILE* errors_;
  int64_t lines_ = 0, bad_ = 0, bytes_ = 0, consumed_ = 0;
};

// -j 1: read, analyse and write in this thread.
bool RunSequential(const AnalyzeArgs& args, BatchReader* reader, Writer* writer,
                   std::string* read_error) {
  LineAnalyzer analyzer(args);
  Batch b;
  while (reader->Next(&b, read_error)) {
    ProcessBatch(&analyzer, &b);
    if (!writer->Write(b)) return false;
  }
  return true;
}

// -j N: a reader thread, N workers, this thread writing. At most `window` batches are in
// flight (read and not yet written), so memory does not grow with the input.
bool RunParallel(const AnalyzeArgs& args, int jobs, BatchReader* reader, Writer* writer,
                 std::string* read_error) {
  const int64_t window = 4 * static_cast<int64_t>(jobs);
  std::vector<Batch> slots(static_cast<size_t>(window));
  std::vector<char> done(static_cast<size_t>(window), 0);
  std::mutex mu;
  std::condition_variable can_read, can_work, can_write;
  int64_t read_seq = 0, work_seq = 0, write_seq = 0;
  bool eof = false, stop = false;

  std::thread read_thread([&] {
    std::string error;
    for (;;) {
      int64_t seq;
      {
        std::unique_lock lock(mu);
        can_read.wait(lock, [&] { return stop || read_seq - write_seq < window; });
        if (stop) break;
        seq = read_seq;
      }
      // The slot is free: no other thread touches it until read_seq moves past it.
      const bool more = reader->Next(&slots[seq % window], &error);
      std::lock_guard lock(mu);
      if (!more) {
        *read_error = error;
        break;
      }
      ++read_seq;
      can_work.notify_one();
    }
    std::lock_guard lock(mu);
    eof = true;
    can_work.notify_all();
    can_write.notify_all();
  });

  std::vector<std::thread> workers;
  for (int i = 0; i < jobs; ++i) {
    workers.emplace_back([&] {
      LineAnalyzer analyzer(args);
      for (;;) {
        int64_t seq;
        {
          std::unique_lock lock(mu);
          can_work.wait(lock, [&] { return stop || work_seq < read_seq || eof; });
          if (stop || work_seq == read_seq) break;  // eof and nothing left
          seq = work_seq++;
        }
        ProcessBatch(&analyzer, &slots[seq % window]);
        std::lock_guard lock(mu);
        done[seq % window] = 1;
        can_write.notify_one();
      }
    });
  }

  bool ok = true;
  for (;;) {
    int64_t seq;
    {
      std::unique_lock lock(mu);
      can_write.wait(lock,
                     [&] { return done[write_seq % window] || (eof && write_seq == read_seq); });
      if (!done[write_seq % window]) break;
      seq = write_seq;
    }
    ok = writer->Write(slots[seq % window]);
    std::lock_guard lock(mu);
    done[seq % window] = 0;
    ++write_seq;
    can_read.notify_one();
    if (!ok) {
      stop = true;
      can_read.notify_all();
      can_work.notify_all();
      break;
    }
  }
  read_thread.join();
  for (auto& w : workers) w.join();
  return ok;
}

}  // namespace

int RunJsonl(const AnalyzeArgs& args) {
  std::string error;
  std::unique_ptr<ByteSource> source = ByteSource::Open(args.input, &error);
  if (!source) {
    std::cerr << "attrib analyze: " << error << "\n";
    return kExitBadInput;
  }
  std::FILE* errors = nullptr;
  if (!args.errors_file.empty()) {
    errors = std::fopen(args.errors_file.c_str(), "wb");
    if (!errors) {
      std::cerr << "attrib analyze: cannot write " << args.errors_file << ": "
                << std::strerror(errno) << "\n";
      return kExitBadInput;
    }
  }
  const int jobs = args.jobs > 0 ? args.jobs : DefaultJobs();
  BatchReader reader(source.get());
  Writer writer(*source, errors);
  std::string read_error;
  const bool ok = jobs == 1 ? RunSequential(args, &reader, &writer, &read_error)
                            : RunParallel(args, jobs, &reader, &writer, &read_error);
  writer.Finish();
  if (errors && std::fclose(errors) != 0) {
    std::cerr << "attrib analyze: cannot write " << args.errors_file << "\n";
    return kExitFailure;
  }
  if (!ok) return kExitFailure;
  const std::string name = args.input == "-" ? "stdin" : args.input;
  if (!read_error.empty()) {
    std::cerr << "attrib analyze: " << name << ": " << read_error << " (after line "
              << writer.lines() << ")\n";
    return kExitBadInput;
  }
  if (writer.bad()) {
    if (errors) {
      std::cerr << "attrib analyze: " << writer.bad() << " of " << writer.lines()
                << " lines rejected (written to " << args.errors_file << ")\n";
    }
    return kExitSomeLinesBad;
  }
  return kExitOk;
}

}  // namespace attrib::cli
