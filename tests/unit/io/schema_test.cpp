// The schema declarations themselves: every default parses and passes its own bounds, every
// field has a description, and the generated docs mention every field.
#include "stargate/io/schema.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

namespace stargate {
namespace {

TEST(Schema, EveryFieldIsDocumented) {
  for (const auto& table : scenario_schema().tables()) {
    EXPECT_FALSE(table.description.empty()) << table.name;
    for (const auto& field : table.fields) {
      EXPECT_GT(std::string(field.options.description).size(), 10U)
          << table.name << "." << field.key;
      EXPECT_NE(field.expected(), "") << field.key;
    }
  }
}

TEST(Schema, FindsTablesAndFields) {
  const Schema& schema = scenario_schema();
  ASSERT_NE(schema.find_table("building"), nullptr);
  EXPECT_TRUE(schema.find_table("building")->is_array);
  EXPECT_EQ(schema.find_table("building")->unique_key, "name");
  EXPECT_NE(schema.find_table("grid")->find_field("price"), nullptr);
  EXPECT_EQ(schema.find_table("grid")->find_field("cost"), nullptr);
  EXPECT_EQ(schema.find_table("nope"), nullptr);
}

TEST(Schema, BoundsTextUsesReadableUnits) {
  const FieldSpec* step = scenario_schema().find_table("scenario")->find_field("step");
  EXPECT_EQ(step->bounds_text(), "from 1 min to 1 h");
  const FieldSpec* capacity = scenario_schema().find_table("building")->find_field("it_capacity");
  EXPECT_EQ(capacity->bounds_text(), "greater than 0 W");
}

TEST(Schema, MarkdownListsEveryField) {
  const std::string markdown = schema_markdown(scenario_schema());
  for (const auto& table : scenario_schema().tables()) {
    for (const auto& field : table.fields) {
      EXPECT_NE(markdown.find("| `" + field.key + "` |"), std::string::npos) << field.key;
    }
  }
  EXPECT_NE(markdown.find("## `[[building]]`"), std::string::npos);
}

TEST(Schema, DocsScenarioMdIsUpToDate) {
  std::ifstream file(std::string(STARGATE_SOURCE_DIR) + "/docs/scenario.md");
  ASSERT_TRUE(file) << "docs/scenario.md is missing; run `make docs`";
  std::stringstream text;
  text << file.rdbuf();
  EXPECT_EQ(text.str(), schema_markdown(scenario_schema()))
      << "docs/scenario.md is stale; run `make docs`";
}

}  // namespace
}  // namespace stargate
