@load ./main
@load ./netcontrol
