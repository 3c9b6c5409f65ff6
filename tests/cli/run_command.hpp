// Runs the built `stargate` binary for the command-line tests and captures what it prints.
//
// The command runs through /bin/sh with stdout and stderr redirected to two files in a capture
// folder, so the two streams stay separate and nothing waits on a pipe; stdin is /dev/null.
#pragma once

#include <gtest/gtest.h>
#include <sys/wait.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace stargate::cli_test {

/// What one run of a command left behind.
struct CommandResult {
  int exit_code = -1;   ///< WEXITSTATUS, or -1 when the shell did not exit normally
  std::string out;      ///< everything written to stdout
  std::string err;      ///< everything written to stderr
  std::string command;  ///< the shell command line, for failure messages
};

/// The repository root.
inline std::filesystem::path source_dir() {
  return STARGATE_SOURCE_DIR;
}

/// The built `stargate` binary.
inline std::filesystem::path stargate_exe() {
  return STARGATE_EXE;
}

/// `text` as one single-quoted shell word.
inline std::string shell_quote(std::string_view text) {
  std::string quoted = "'";
  for (const char c : text) {
    if (c == '\'') {
      quoted += "'\\''";
    } else {
      quoted += c;
    }
  }
  return quoted + "'";
}

/// The whole content of a file; throws when it cannot be opened.
inline std::string read_file(const std::filesystem::path& path) {
  std::ifstream stream(path, std::ios::binary);
  if (!stream) {
    throw std::runtime_error("cannot open " + path.string());
  }
  return {std::istreambuf_iterator<char>(stream), std::istreambuf_iterator<char>()};
}

/// Splits text into lines; a final newline does not start an empty line.
inline std::vector<std::string> split_lines(std::string_view text) {
  std::vector<std::string> lines;
  std::size_t begin = 0;
  while (begin < text.size()) {
    const std::size_t end = std::min(text.find('\n', begin), text.size());
    lines.emplace_back(text.substr(begin, end - begin));
    begin = end + 1;
  }
  return lines;
}

/// Runs `program args...` with `work_dir` as the working directory; stdout and stderr go to
/// `capture_dir`/<n>.out and <n>.err (n counts calls, so earlier captures are kept).
inline CommandResult run_program(const std::filesystem::path& program,
                                 const std::vector<std::string>& args,
                                 const std::filesystem::path& work_dir,
                                 const std::filesystem::path& capture_dir) {
  static int calls = 0;
  ++calls;
  const std::filesystem::path out_file = capture_dir / (std::to_string(calls) + ".out");
  const std::filesystem::path err_file = capture_dir / (std::to_string(calls) + ".err");

  CommandResult result;
  std::string invocation = shell_quote(program.string());
  for (const auto& arg : args) {
    invocation += ' ' + shell_quote(arg);
  }
  result.command = "cd " + shell_quote(work_dir.string()) + " && " + invocation;
  const std::string shell_command = result.command + " </dev/null >" +
                                    shell_quote(out_file.string()) + " 2>" +
                                    shell_quote(err_file.string());
  const int status = std::system(shell_command.c_str());  // NOLINT(cert-env33-c): test harness
  if (status != -1 && WIFEXITED(status)) {
    result.exit_code = WEXITSTATUS(status);
  }
  std::error_code error;
  if (std::filesystem::exists(out_file, error)) {
    result.out = read_file(out_file);
  }
  if (std::filesystem::exists(err_file, error)) {
    result.err = read_file(err_file);
  }
  return result;
}

/// Runs the built `stargate` with `args`, from `work_dir`.
inline CommandResult run_stargate(const std::vector<std::string>& args,
                                  const std::filesystem::path& work_dir,
                                  const std::filesystem::path& capture_dir) {
  return run_program(stargate_exe(), args, work_dir, capture_dir);
}

/// A test of one subcommand with its own folder under the test temp dir (kept when the test
/// fails); subcommand() runs `stargate SUBCOMMAND args...` from the repository root.
class SubcommandTest : public ::testing::Test {
 protected:
  explicit SubcommandTest(std::string subcommand) : subcommand_(std::move(subcommand)) {}

  void SetUp() override {
    dir_ = std::filesystem::path(::testing::TempDir()) /
           ("stargate_" + subcommand_ + "_" +
            std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_ / "capture");
  }
  void TearDown() override {
    if (!HasFailure()) {
      std::filesystem::remove_all(dir_);
    }
  }
  [[nodiscard]] CommandResult subcommand(std::vector<std::string> args) const {
    args.insert(args.begin(), subcommand_);
    return run_stargate(args, source_dir(), dir_ / "capture");
  }

  std::filesystem::path dir_;

 private:
  std::string subcommand_;
};

}  // namespace stargate::cli_test
