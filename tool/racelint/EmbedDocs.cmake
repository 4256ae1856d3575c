# Writes the check pages docs/checks/*.md as C++ string literals, so that
# SARIF rules carry their help without racelint looking for the docs at
# run time. Usage: cmake -DDOCS=<dir> -DOUT=<file> -P EmbedDocs.cmake
file(GLOB pages "${DOCS}/*.md")
list(SORT pages)
set(content "// Generated from docs/checks/*.md by tool/racelint/EmbedDocs.cmake.\n")
foreach(page IN LISTS pages)
  get_filename_component(id "${page}" NAME_WE)
  file(READ "${page}" text)
  string(APPEND content "{\"racelint-${id}\", R\"racelint_md(${text})racelint_md\"},\n")
endforeach()
file(WRITE "${OUT}.tmp" "${content}")
execute_process(COMMAND "${CMAKE_COMMAND}" -E copy_if_different "${OUT}.tmp" "${OUT}")
file(REMOVE "${OUT}.tmp")
