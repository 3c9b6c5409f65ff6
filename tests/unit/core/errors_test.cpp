// Tests of src/core/errors.cpp: GCC-style diagnostics, InputError and SourceIndex.
#include "stargate/core/errors.hpp"

#include <gtest/gtest.h>

#include <stdexcept>
#include <string>
#include <vector>

namespace stargate {
namespace {

TEST(SourceLocation, Format) {
  EXPECT_EQ((SourceLocation{"file.toml", 3, 7, false}.format()), "file.toml:3:7");
  // An unknown column is shown as column 1.
  EXPECT_EQ((SourceLocation{"file.toml", 3, 0, false}.format()), "file.toml:3:1");
  // An unknown line leaves only the file.
  EXPECT_EQ((SourceLocation{"file.toml", 0, 0, false}.format()), "file.toml");
  EXPECT_EQ((SourceLocation{"file.toml", 0, 5, false}.format()), "file.toml");
  // A command-line argument is printed as it is, without line or column.
  EXPECT_EQ((SourceLocation{"--set scenario.step=5min", 0, 0, true}.format()),
            "--set scenario.step=5min");
  EXPECT_EQ((SourceLocation{"--set scenario.step=5min", 2, 4, true}.format()),
            "--set scenario.step=5min");
}

TEST(Diagnostic, FormatWithField) {
  const Diagnostic diagnostic{SourceLocation{"file.toml", 3, 7, false}, "grid.price", "message"};
  EXPECT_EQ(diagnostic.format(), "file.toml:3:7: error: grid.price: message");
}

TEST(Diagnostic, FormatWithoutField) {
  const Diagnostic diagnostic{SourceLocation{"file.toml", 1, 1, false}, "", "message"};
  EXPECT_EQ(diagnostic.format(), "file.toml:1:1: error: message");
}

TEST(Diagnostic, FormatOnTheCommandLine) {
  const Diagnostic diagnostic{SourceLocation{"--set scenario.step=7min", 0, 0, true},
                              "scenario.step",
                              "time step must divide one hour and lie in 1 min..1 h, got 420 s"};
  EXPECT_EQ(diagnostic.format(),
            "--set scenario.step=7min: error: scenario.step: time step must divide one hour and "
            "lie in 1 min..1 h, got 420 s");
}

TEST(InputError, SingleDiagnostic) {
  const InputError error(
      Diagnostic{SourceLocation{"file.toml", 3, 7, false}, "grid.price", "message"});
  EXPECT_STREQ(error.what(), "file.toml:3:7: error: grid.price: message");
  ASSERT_EQ(error.diagnostics().size(), 1u);
  EXPECT_EQ(error.diagnostics()[0].field, "grid.price");
  EXPECT_EQ(error.diagnostics()[0].where.line, 3);
}

TEST(InputError, JoinsDiagnosticsWithNewlines) {
  const std::vector<Diagnostic> diagnostics = {
      {SourceLocation{"a.toml", 3, 7, false}, "grid.price", "expected an energy price"},
      {SourceLocation{"a.toml", 9, 1, false}, "", "unknown section [weather]"},
      {SourceLocation{"--set site.utc_offset=20h", 0, 0, true}, "site.utc_offset", "too large"},
  };
  const InputError error(diagnostics);
  // One line per diagnostic, in order, with no trailing newline.
  EXPECT_STREQ(error.what(),
               "a.toml:3:7: error: grid.price: expected an energy price\n"
               "a.toml:9:1: error: unknown section [weather]\n"
               "--set site.utc_offset=20h: error: site.utc_offset: too large");
  ASSERT_EQ(error.diagnostics().size(), 3u);
  for (std::size_t i = 0; i < diagnostics.size(); ++i) {
    EXPECT_EQ(error.diagnostics()[i].format(), diagnostics[i].format()) << "diagnostic " << i;
  }
}

TEST(InputError, IsARuntimeError) {
  try {
    throw InputError(Diagnostic{SourceLocation{"file.toml", 1, 1, false}, "", "message"});
  } catch (const std::runtime_error& error) {
    EXPECT_STREQ(error.what(), "file.toml:1:1: error: message");
  }
}

TEST(SourceIndex, FindsRecordedFieldsElseTheFallback) {
  SourceIndex index;
  index.record("grid.price", SourceLocation{"file.toml", 12, 9, false});
  index.record("scenario.step", SourceLocation{"--set scenario.step=5min", 0, 0, true});
  const SourceLocation fallback{"file.toml", 0, 0, false};

  const SourceLocation price = index.find("grid.price", fallback);
  EXPECT_EQ(price.file, "file.toml");
  EXPECT_EQ(price.line, 12);
  EXPECT_EQ(price.column, 9);
  EXPECT_FALSE(price.command_line);

  const SourceLocation step = index.find("scenario.step", fallback);
  EXPECT_TRUE(step.command_line);
  EXPECT_EQ(step.format(), "--set scenario.step=5min");

  // A field that was never written (a default) is reported at the fallback.
  const SourceLocation limit = index.find("grid.import_limit", fallback);
  EXPECT_EQ(limit.format(), "file.toml");
  // Lookups are by exact path.
  EXPECT_EQ(index.find("grid", fallback).format(), "file.toml");
  EXPECT_EQ(index.find("grid.price.x", fallback).format(), "file.toml");
}

TEST(SourceIndex, LaterRecordReplacesEarlier) {
  // A command-line override of a field written in the file is reported where it was overridden.
  SourceIndex index;
  index.record("grid.price", SourceLocation{"file.toml", 12, 9, false});
  index.record("grid.price", SourceLocation{"--set grid.price=40$/MWh", 0, 0, true});
  EXPECT_EQ(index.find("grid.price", SourceLocation{}).format(), "--set grid.price=40$/MWh");
}

TEST(SourceIndex, EmptyIndexAlwaysFallsBack) {
  const SourceIndex index;
  const SourceLocation fallback{"scenario.toml", 1, 1, false};
  EXPECT_EQ(index.find("scenario.name", fallback).format(), "scenario.toml:1:1");
}

}  // namespace
}  // namespace stargate
