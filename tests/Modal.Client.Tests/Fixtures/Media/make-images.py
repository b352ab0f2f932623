from PIL import Image, ImageDraw
from PIL.PngImagePlugin import PngInfo
import io, os

def frame(w, h, i):
    im = Image.new("RGB", (w, h), (20 + i * 30 % 200, 80, 160))
    d = ImageDraw.Draw(im)
    d.rectangle([i, i, w // 2 + i, h // 2], fill=(250, 200 - i * 10, 40))
    return im

# ComfyUI SaveImage: PNG with a "prompt" text chunk
meta = PngInfo(); meta.add_text("prompt", '{"3": {"class_type": "KSampler"}}')
frame(48, 32, 0).save("comfy.png", pnginfo=meta, compress_level=4)
# inpaint: PIL JPEG quality 95
frame(40, 24, 1).save("pil-q95.jpg", quality=95)
frame(40, 24, 2).save("progressive.jpg", quality=80, progressive=True)
# JPEG whose SOF lies past 16 KiB (a big COM/APP segment first)
frame(40, 24, 3).save("big-app.jpg", quality=80, icc_profile=bytes(range(256)) * 80)
# still WebPs
frame(40, 24, 4).save("lossy.webp", quality=80)
frame(40, 24, 5).save("lossless.webp", lossless=True)
rgba = frame(40, 24, 6).convert("RGBA"); rgba.putalpha(128)
rgba.save("alpha.webp", quality=80)  # VP8X + ALPH + VP8
# ComfyUI SaveAnimatedWEBP: fps 16 -> duration int(1000/16) = 62, lossy quality 90, method 6
frames = [frame(40, 24, i) for i in range(5)]
exif = frames[0].getexif(); exif[0x0110] = "prompt"
frames[0].save("wan.webp", save_all=True, duration=int(1000.0 / 16), append_images=frames[1:], exif=exif, lossless=False, quality=90, method=6)
