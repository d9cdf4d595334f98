# Trains the claims model twice in two directories (same flags, --out model.inc) and fails
# unless the two outputs are byte-identical. Passes with a message when the data is absent.
if(NOT EXISTS "${TRAIN}")
  message("SKIP: ${TRAIN} not found")
  return()
endif()
foreach(run a b)
  file(REMOVE_RECURSE "${WORK}/${run}")
  file(MAKE_DIRECTORY "${WORK}/${run}")
  execute_process(COMMAND "${TRAINER}" --train "${TRAIN}" --limit 500 --cv 2 --epochs 4
                          --out model.inc
                  WORKING_DIRECTORY "${WORK}/${run}" RESULT_VARIABLE rc OUTPUT_QUIET)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "train_claims failed: ${rc}")
  endif()
endforeach()
execute_process(COMMAND ${CMAKE_COMMAND} -E compare_files "${WORK}/a/model.inc" "${WORK}/b/model.inc"
                RESULT_VARIABLE diff)
if(NOT diff EQUAL 0)
  message(FATAL_ERROR "two trainings gave different model files")
endif()
