// attrib — the command line: analyze text to JSON, annotate documents through LibreOffice.
#include <CLI/CLI.hpp>
#include <iostream>

#include "attrib/attrib.h"

int main(int argc, char** argv) {
  CLI::App app{"attrib — who said what: quote and claim attribution for news text"};
  app.require_subcommand(1);
  app.add_subcommand("version", "print the version")->callback([] {
    std::cout << "attrib " << attrib::Version() << "\n";
  });
  CLI11_PARSE(app, argc, argv);
  return 0;
}
