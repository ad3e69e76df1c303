# web_dist.cmake — the deployable folder. Included from src/app/CMakeLists.txt after the app is
# defined: the build links and packages the app into ${LECTERN_APP_OUT} under plain names
# (lectern.js, lectern.wasm, lectern.data, lectern.data.js, index.html, the web/ files, the
# icons); this turns that into ${LECTERN_DIST}, the one folder of static files that is deployed.
#
#   lectern_finish_dist(TARGET OUT_DIR [ALL] INPUTS dir... DEPENDS targets-or-files...)
#
# runs tools/finish_dist.mjs: content-hashed names for the code and data, their map and the
# version in index.html, the precache list in sw.js. OUT_DIR is replaced whole on every run, so
# nothing else may write into it: write into ${LECTERN_APP_OUT} and add the file to DEPENDS below
# (the page's files come from src/app/CMakeLists.txt's `page_outputs`).
# The test fixtures call it on the same app with another data bundle (a later INPUTS folder
# replaces files of the same name), so their hashed names are as consistent as the shipped ones.

function(lectern_finish_dist target out_dir)
  cmake_parse_arguments(PARSE_ARGV 2 arg "ALL" "" "INPUTS;DEPENDS")
  set(all)
  if(arg_ALL)
    set(all ALL)
  endif()
  # index.html and sw.js are rewritten by every run: if the folder is deleted, it is rebuilt.
  add_custom_command(OUTPUT "${out_dir}/index.html" "${out_dir}/sw.js"
    COMMAND "${NODE_EXECUTABLE}" "${CMAKE_SOURCE_DIR}/tools/finish_dist.mjs" "${out_dir}" ${arg_INPUTS}
    DEPENDS "${CMAKE_SOURCE_DIR}/tools/finish_dist.mjs" ${arg_DEPENDS}
    COMMENT "Finishing ${out_dir} (hashed names, service worker's precache list)" VERBATIM)
  add_custom_target(${target} ${all} DEPENDS "${out_dir}/index.html" "${out_dir}/sw.js")
endfunction()

lectern_finish_dist(lectern_dist "${LECTERN_DIST}" ALL
  INPUTS "${LECTERN_APP_OUT}"
  DEPENDS lectern_web lectern_data lectern_page "${LECTERN_APP_OUT}/lectern.data" "${LECTERN_APP_OUT}/lectern.data.js"
          ${page_outputs})
