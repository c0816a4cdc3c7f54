@echo off
rem Launcher for the packaged Gawah on Windows (run "mvn package" first). Works from any folder.
setlocal
set "HERE=%~dp0"
if not exist "%HERE%target\gawah.jar" (
  echo gawah: error: %HERE%target\gawah.jar is missing 1>&2
  echo gawah: hint: build it first: mvn -q package -DskipTests 1>&2
  exit /b 1
)
rem The window's font as a file (Java copies a font it reads out of a jar into the temporary folder).
java "-Dgawah.fonts=%HERE%target\classes\org\gawah\desktop\fonts" %GAWAH_JAVA_OPTS% -jar "%HERE%target\gawah.jar" %*
exit /b %ERRORLEVEL%
