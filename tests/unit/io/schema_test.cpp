// The schema declarations themselves: every default parses and passes its own bounds, every
// field has a description, and the generated docs mention every field.
#include "stargate/io/schema.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <set>
#include <sstream>

#include "stargate/core/programme.hpp"
#include "stargate/io/programme_loader.hpp"

namespace stargate {
namespace {

// Each default is written once as the schema's TOML text and once as the section struct's
// initialiser: assigning the parsed default to a default-constructed section must change nothing,
// for every field of every table, so that a default-constructed section equals an empty loaded
// one (a section of an array table is a default-constructed entry).
template <class Document>
void expect_initialisers_match_defaults(const Schema& schema) {
  int checked = 0;
  for (const TableSpec& table : schema.tables()) {
    for (const FieldSpec& field : table.fields) {
      if (field.required()) {
        continue;
      }
      Document initialised;
      Document loaded;
      (void)table.section(&initialised);
      field.assign(table.section(&loaded), parse_field_text(field, field.options.default_toml));
      EXPECT_TRUE(initialised == loaded)
          << table.name << "." << field.key << ": the schema's default "
          << field.options.default_toml << " is not the section struct's initialiser";
      ++checked;
    }
  }
  EXPECT_GT(checked, 0);
}

TEST(Schema, ScenarioDefaultsAreTheStructInitialisers) {
  expect_initialisers_match_defaults<Scenario>(scenario_schema());
}

TEST(Schema, ProgrammeDefaultsAreTheStructInitialisers) {
  expect_initialisers_match_defaults<Programme>(programme_schema());
}

TEST(Schema, ChoicesAreDistinctNamedValues) {
  for (const Schema* schema : {&scenario_schema(), &programme_schema()}) {
    for (const TableSpec& table : schema->tables()) {
      for (const FieldSpec& field : table.fields) {
        if (field.options.kind != ValueKind::kChoice) {
          continue;
        }
        std::set<std::string> names;
        std::set<int> values;
        for (const Choice& choice : field.options.choices) {
          EXPECT_TRUE(names.insert(choice.name).second) << table.name << "." << field.key;
          EXPECT_TRUE(values.insert(choice.value).second) << table.name << "." << field.key;
        }
        EXPECT_FALSE(names.empty()) << table.name << "." << field.key;
      }
    }
  }
}

TEST(Schema, AChoiceSetsItsOwnEnumerator) {
  // "lp" sets DispatchPolicy::kLp by its pair, wherever it stands in the list.
  const TableSpec& dispatch = *scenario_schema().find_table("dispatch");
  const FieldSpec& policy = *dispatch.find_field("policy");
  for (const auto& [name, expected] :
       {std::pair{"rules", DispatchPolicy::kRules}, std::pair{"lp", DispatchPolicy::kLp},
        std::pair{"mpc", DispatchPolicy::kMpc}}) {
    DispatchSection section;
    policy.assign(&section, parse_field_text(policy, name));
    EXPECT_EQ(section.policy, expected) << name;
  }
}

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
  const FieldSpec* capacity = scenario_schema().find_table("solar")->find_field("capacity");
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
