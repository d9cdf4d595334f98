# attrib_embed_files(<defs_var> <table_var> PREFIX <name> KEY <relative|stem> BASE <dir> FILES ...)
# Turns each file into a C++ array "const unsigned char <name><i>[] = {...,0x00};" (in
# <defs_var>) and a table row "{\"<key>\", reinterpret_cast<const char*>(<name><i>), <size>},"
# (in <table_var>), key = the path relative to BASE or the file's stem. The files become
# configure dependencies: editing one regenerates the source that holds them.
function(attrib_embed_files defs_var table_var)
  cmake_parse_arguments(E "" "PREFIX;KEY;BASE" "FILES" ${ARGN})
  set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${E_FILES})
  set(defs "")
  set(table "")
  set(i 0)
  foreach(f IN LISTS E_FILES)
    if(E_KEY STREQUAL "stem")
      get_filename_component(key ${f} NAME_WE)
    else()
      file(RELATIVE_PATH key ${E_BASE} ${f})
    endif()
    file(READ ${f} hex HEX)
    string(LENGTH "${hex}" hexlen)
    math(EXPR size "${hexlen} / 2")
    string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," bytes "${hex}")
    string(APPEND defs "const unsigned char ${E_PREFIX}${i}[] = {${bytes}0x00};\n")
    string(APPEND table
           "    {\"${key}\", reinterpret_cast<const char*>(${E_PREFIX}${i}), ${size}},\n")
    math(EXPR i "${i} + 1")
  endforeach()
  set(${defs_var} "${defs}" PARENT_SCOPE)
  set(${table_var} "${table}" PARENT_SCOPE)
endfunction()
