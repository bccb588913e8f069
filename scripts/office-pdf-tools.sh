# Sourced by the fixture scripts that print generated HTML to PDF with LibreOffice: adds to the array `need` the
# Debian packages not installed yet of LibreOffice Writer and of the two CJK fonts the printable reports ask for.
command -v soffice >/dev/null || need+=(libreoffice-writer-nogui)
fc-list | grep -qi 'WenQuanYi Zen Hei' || need+=(fonts-wqy-zenhei)
fc-list | grep -qi 'AR PL UMing' || need+=(fonts-arphic-uming)
