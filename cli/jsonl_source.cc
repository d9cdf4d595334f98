#include "jsonl_source.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>
#include <zstd.h>

#include <cerrno>
#include <cstring>
#include <vector>

namespace attrib::cli {
namespace {

// A file descriptor, with the first bytes already read (to look for a compression magic)
// handed out again before anything else.
class Fd {
 public:
  Fd(int fd, bool owned) : fd_(fd), owned_(owned) {}
  ~Fd() {
    if (owned_) close(fd_);
  }
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;

  // One read(2): what is available, 0 at the end, -1 on error (errno set).
  ssize_t Read(char* buf, size_t cap) {
    if (pos_ < peeked_.size()) {
      size_t n = std::min(cap, peeked_.size() - pos_);
      std::memcpy(buf, peeked_.data() + pos_, n);
      pos_ += n;
      return static_cast<ssize_t>(n);
    }
    for (;;) {
      ssize_t n = read(fd_, buf, cap);
      if (n >= 0 || errno != EINTR) return n;
    }
  }

  // Reads up to 4 bytes to tell the format; stops early once they cannot be a magic number
  // (a "{" on an interactive stdin must not wait for more).
  bool Peek(std::string* error) {
    char c;
    while (peeked_.size() < 4) {
      ssize_t n;
      do n = read(fd_, &c, 1);
      while (n < 0 && errno == EINTR);
      if (n < 0) {
        *error = std::strerror(errno);
        return false;
      }
      if (n == 0) break;
      peeked_.push_back(c);
      if (!IsMagicPrefix()) break;
    }
    return true;
  }
  bool Starts(const char* magic, size_t n) const {
    return peeked_.size() >= n && std::memcmp(peeked_.data(), magic, n) == 0;
  }
  int fd() const { return fd_; }

 private:
  bool IsMagicPrefix() const {
    static const char kGzip[] = "\x1f\x8b", kZstd[] = "\x28\xb5\x2f\xfd";
    size_t n = peeked_.size();
    return (n <= 2 && std::memcmp(peeked_.data(), kGzip, n) == 0) ||
           std::memcmp(peeked_.data(), kZstd, n) == 0;
  }

  int fd_;
  bool owned_;
  std::string peeked_;
  size_t pos_ = 0;
};

class PlainSource : public ByteSource {
 public:
  explicit PlainSource(std::unique_ptr<Fd> fd) : fd_(std::move(fd)) {}
  size_t Read(char* buf, size_t cap, std::string* error) override {
    ssize_t n = fd_->Read(buf, cap);
    if (n < 0) {
      *error = std::string("read error: ") + std::strerror(errno);
      return 0;
    }
    consumed_ += n;
    return static_cast<size_t>(n);
  }

 private:
  std::unique_ptr<Fd> fd_;
};

constexpr size_t kInChunk = 1 << 16;

// gzip (RFC 1952) with zlib; concatenated members (as `cat a.gz b.gz` makes) are read on.
class GzipSource : public ByteSource {
 public:
  explicit GzipSource(std::unique_ptr<Fd> fd) : fd_(std::move(fd)), in_(kInChunk) {
    kind_ = "gzip";
    z_ = {};
    ok_ = inflateInit2(&z_, 15 + 16) == Z_OK;
  }
  ~GzipSource() override { inflateEnd(&z_); }

  size_t Read(char* buf, size_t cap, std::string* error) override {
    if (!ok_) {
      *error = "gzip: cannot initialise zlib";
      return 0;
    }
    for (;;) {
      if (z_.avail_in == 0) {
        ssize_t n = fd_->Read(in_.data(), in_.size());
        if (n < 0) {
          *error = std::string("read error: ") + std::strerror(errno);
          return 0;
        }
        if (n == 0) {
          if (in_member_) *error = "gzip: the compressed stream is truncated";
          return 0;
        }
        consumed_ += n;
        z_.next_in = reinterpret_cast<Bytef*>(in_.data());
        z_.avail_in = static_cast<uInt>(n);
      }
      if (!in_member_) {  // a new member starts (the first, or one concatenated after)
        if (inflateReset(&z_) != Z_OK) {
          *error = "gzip: cannot reset zlib";
          return 0;
        }
        in_member_ = true;
      }
      z_.next_out = reinterpret_cast<Bytef*>(buf);
      z_.avail_out = static_cast<uInt>(cap);
      int rc = inflate(&z_, Z_NO_FLUSH);
      if (rc == Z_STREAM_END) {
        in_member_ = false;
      } else if (rc != Z_OK && rc != Z_BUF_ERROR) {
        *error = std::string("gzip: ") + (z_.msg ? z_.msg : "corrupt data");
        return 0;
      }
      size_t produced = cap - z_.avail_out;
      if (produced > 0) return produced;
    }
  }

 private:
  std::unique_ptr<Fd> fd_;
  std::vector<char> in_;
  z_stream z_;
  bool ok_ = false;
  bool in_member_ = false;
};

// Zstandard with libzstd; several frames one after another are read on.
class ZstdSource : public ByteSource {
 public:
  explicit ZstdSource(std::unique_ptr<Fd> fd)
      : fd_(std::move(fd)), in_(ZSTD_DStreamInSize()), z_(ZSTD_createDStream()) {
    kind_ = "zstd";
  }
  ~ZstdSource() override { ZSTD_freeDStream(z_); }

  size_t Read(char* buf, size_t cap, std::string* error) override {
    for (;;) {
      if (input_.pos == input_.size) {
        ssize_t n = fd_->Read(in_.data(), in_.size());
        if (n < 0) {
          *error = std::string("read error: ") + std::strerror(errno);
          return 0;
        }
        if (n == 0) {
          if (in_frame_) *error = "zstd: the compressed stream is truncated";
          return 0;
        }
        consumed_ += n;
        input_ = {in_.data(), static_cast<size_t>(n), 0};
      }
      ZSTD_outBuffer out = {buf, cap, 0};
      size_t rc = ZSTD_decompressStream(z_, &out, &input_);
      if (ZSTD_isError(rc)) {
        *error = std::string("zstd: ") + ZSTD_getErrorName(rc);
        return 0;
      }
      in_frame_ = rc != 0;  // 0: a frame ended here
      if (out.pos > 0) return out.pos;
    }
  }

 private:
  std::unique_ptr<Fd> fd_;
  std::vector<char> in_;
  ZSTD_DStream* z_;
  ZSTD_inBuffer input_ = {nullptr, 0, 0};
  bool in_frame_ = false;
};

}  // namespace

std::unique_ptr<ByteSource> ByteSource::Open(const std::string& path, std::string* error) {
  int fd = 0;
  if (path != "-") {
    fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
      *error = "cannot open " + path + ": " + std::strerror(errno);
      return nullptr;
    }
  }
  auto file = std::make_unique<Fd>(fd, path != "-");
  std::string why;
  if (!file->Peek(&why)) {
    *error = "cannot read " + (path == "-" ? std::string("stdin") : path) + ": " + why;
    return nullptr;
  }
  struct stat st {};
  const int64_t size = fstat(file->fd(), &st) == 0 && S_ISREG(st.st_mode) ? st.st_size : 0;
  std::unique_ptr<ByteSource> source;
  if (file->Starts("\x1f\x8b", 2)) {
    source = std::make_unique<GzipSource>(std::move(file));
  } else if (file->Starts("\x28\xb5\x2f\xfd", 4)) {
    source = std::make_unique<ZstdSource>(std::move(file));
  } else {
    source = std::make_unique<PlainSource>(std::move(file));
  }
  source->total_ = size;
  return source;
}

}  // namespace attrib::cli
